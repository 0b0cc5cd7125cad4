CREATE TABLE "registry_legal_entities" (
	"bin" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_kk" text NOT NULL,
	"short_name_ru" text NOT NULL,
	"short_name_kk" text NOT NULL,
	"registration_number" text NOT NULL,
	"registration_date" date NOT NULL,
	"registration_authority" text NOT NULL,
	"head_iin" text NOT NULL,
	"parent_bin" text,
	"legal_address_kato" text,
	"legal_address_text" text NOT NULL,
	"kopf_code" text NOT NULL,
	"kfs_code" text NOT NULL,
	"kse_code" text NOT NULL,
	"krp_code" text NOT NULL,
	"oked_code" text NOT NULL,
	"is_certification_body" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_person_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"issuer" text NOT NULL,
	"valid_until" date
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"iin" text PRIMARY KEY NOT NULL,
	"surname" text NOT NULL,
	"first_name" text NOT NULL,
	"patronymic" text,
	"surname_kk" text,
	"first_name_kk" text,
	"patronymic_kk" text,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"life_status_code" smallint DEFAULT 0 NOT NULL,
	"exclusion_code" smallint,
	"legal_capacity_code" smallint DEFAULT 1 NOT NULL,
	"mobile" text,
	"address_kato" text,
	"address_text" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_person_documents" ADD CONSTRAINT "registry_person_documents_iin_registry_persons_iin_fk" FOREIGN KEY ("iin") REFERENCES "public"."registry_persons"("iin") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_legal_entities_head_idx" ON "registry_legal_entities" USING btree ("head_iin");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_person_documents_iin_number_uq" ON "registry_person_documents" USING btree ("iin","number");