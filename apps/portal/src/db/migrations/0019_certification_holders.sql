CREATE TABLE "certification_holders" (
	"holder_bin" text NOT NULL,
	"holder_name" text NOT NULL,
	CONSTRAINT "certification_holders_holder_bin_holder_name_pk" PRIMARY KEY("holder_bin","holder_name")
);
--> statement-breakpoint
CREATE INDEX "cert_holders_name_trgm_idx" ON "certification_holders" USING gin ("holder_name" gin_trgm_ops);--> statement-breakpoint
-- Keeps certification_holders in step with the certificates (any insert or holder change, in the same transaction).
CREATE FUNCTION "certification_holders_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "certification_holders" ("holder_bin", "holder_name")
  VALUES (NEW."holder_bin", NEW."holder_name")
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "certification_holders_sync" AFTER INSERT OR UPDATE OF "holder_bin", "holder_name"
  ON "certification_certificates" FOR EACH ROW EXECUTE FUNCTION "certification_holders_sync"();--> statement-breakpoint
-- Backfill from the certificates already issued.
INSERT INTO "certification_holders" ("holder_bin", "holder_name")
  SELECT DISTINCT "holder_bin", "holder_name" FROM "certification_certificates"
  ON CONFLICT DO NOTHING;
