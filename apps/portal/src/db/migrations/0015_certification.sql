CREATE TABLE "certification_accreditations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_bin" text NOT NULL,
	"body_name_ru" text NOT NULL,
	"body_name_kk" text,
	"attestat_number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"standards" text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by_account_id" uuid NOT NULL,
	"applicant_bin" text NOT NULL,
	"applicant_name" text NOT NULL,
	"body_bin" text,
	"body_name" text DEFAULT '' NOT NULL,
	"standard" text,
	"status" text NOT NULL,
	"tab" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"journal_number" text,
	"moderator_note" text,
	"moderator_note_at" timestamp with time zone,
	"moderator_note_by" uuid,
	"signed_content" "bytea",
	"signed_cms" "bytea",
	"submitted_at" timestamp with time zone,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"holder_bin" text NOT NULL,
	"holder_name" text NOT NULL,
	"body_bin" text NOT NULL,
	"body_name" text NOT NULL,
	"attestat_number" text NOT NULL,
	"standard" text NOT NULL,
	"scope" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"suspended_on" date,
	"withdrawal_due_on" date,
	"surveillance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pdf_file_id" uuid,
	"pdf_sha256" text,
	"pdf_cms" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_account_id" uuid,
	"actor_name" text,
	"actor_role" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signed_data" "bytea",
	"cms" "bytea",
	"signer" jsonb,
	"certificate_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"planned_name" text NOT NULL,
	"planned_iin" text,
	"comment" text,
	"revision" integer,
	"signed_at" timestamp with time zone,
	"signer_account_id" uuid,
	"certificate" jsonb
);
--> statement-breakpoint
ALTER TABLE "certification_certificates" ADD CONSTRAINT "certification_certificates_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_events" ADD CONSTRAINT "certification_events_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_signatories" ADD CONSTRAINT "certification_signatories_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_accreditations_attestat_uq" ON "certification_accreditations" USING btree ("attestat_number");--> statement-breakpoint
CREATE INDEX "certification_accreditations_bin_idx" ON "certification_accreditations" USING btree ("body_bin");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_applications_number_uq" ON "certification_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cert_app_org_number_idx" ON "certification_applications" USING btree ("organization_id","tab","number","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_number_idx" ON "certification_applications" USING btree ("body_bin","tab","number","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_number_idx" ON "certification_applications" USING btree ("tab","number","id");--> statement-breakpoint
CREATE INDEX "cert_app_org_created_idx" ON "certification_applications" USING btree ("organization_id","tab","created_at","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_created_idx" ON "certification_applications" USING btree ("body_bin","tab","created_at","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_created_idx" ON "certification_applications" USING btree ("tab","created_at","id");--> statement-breakpoint
CREATE INDEX "cert_app_org_bin_idx" ON "certification_applications" USING btree ("organization_id","tab","applicant_bin","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_bin_idx" ON "certification_applications" USING btree ("body_bin","tab","applicant_bin","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_bin_idx" ON "certification_applications" USING btree ("tab","applicant_bin","id");--> statement-breakpoint
CREATE INDEX "cert_app_org_name_idx" ON "certification_applications" USING btree ("organization_id","tab","applicant_name","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_name_idx" ON "certification_applications" USING btree ("body_bin","tab","applicant_name","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_name_idx" ON "certification_applications" USING btree ("tab","applicant_name","id");--> statement-breakpoint
CREATE INDEX "cert_app_org_status_idx" ON "certification_applications" USING btree ("organization_id","tab","status","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_status_idx" ON "certification_applications" USING btree ("body_bin","tab","status","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_status_idx" ON "certification_applications" USING btree ("tab","status","id");--> statement-breakpoint
CREATE INDEX "cert_app_org_body_idx" ON "certification_applications" USING btree ("organization_id","tab","body_name","id");--> statement-breakpoint
CREATE INDEX "cert_app_body_body_idx" ON "certification_applications" USING btree ("body_bin","tab","body_name","id");--> statement-breakpoint
CREATE INDEX "cert_app_all_body_idx" ON "certification_applications" USING btree ("tab","body_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_certificates_number_uq" ON "certification_certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "certification_certificates_app_idx" ON "certification_certificates" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "cert_reg_holder_idx" ON "certification_certificates" USING btree ("holder_bin","number");--> statement-breakpoint
CREATE INDEX "cert_reg_body_idx" ON "certification_certificates" USING btree ("body_bin","number");--> statement-breakpoint
CREATE INDEX "cert_reg_standard_idx" ON "certification_certificates" USING btree ("standard","number");--> statement-breakpoint
CREATE INDEX "cert_reg_status_idx" ON "certification_certificates" USING btree ("status","number");--> statement-breakpoint
CREATE INDEX "cert_reg_valid_idx" ON "certification_certificates" USING btree ("valid_until","number");--> statement-breakpoint
CREATE INDEX "certification_documents_app_idx" ON "certification_documents" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_events_seq_uq" ON "certification_events" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_signatories_pos_uq" ON "certification_signatories" USING btree ("application_id","position");