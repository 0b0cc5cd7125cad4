CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "cert_reg_number_c_idx" ON "certification_certificates" USING btree ("number" COLLATE "C");--> statement-breakpoint
CREATE INDEX "cert_reg_holder_name_trgm_idx" ON "certification_certificates" USING gin ("holder_name" gin_trgm_ops);