CREATE TABLE "organization_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"country_code" text NOT NULL,
	"kato" text,
	"postal_index" text,
	"street" text NOT NULL,
	"house" text NOT NULL,
	"apartment" text,
	"phone" text,
	"fax" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"rights" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"position" text,
	"block_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bin" text NOT NULL,
	"kind" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_kk" text,
	"full_name_ru" text,
	"full_name_kk" text,
	"registration_date" date,
	"registration_number" text,
	"registration_authority" text,
	"country_code" text DEFAULT '398' NOT NULL,
	"kopf" text,
	"form" text,
	"kfs" text,
	"kse" text,
	"krp" text,
	"oked" text,
	"roles" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"resident" boolean DEFAULT true NOT NULL,
	"small_business" boolean DEFAULT false NOT NULL,
	"medium_business" boolean DEFAULT false NOT NULL,
	"email" text,
	"site" text,
	"phone" text,
	"applicant_name" text,
	"applicant_position" text,
	"head_iin" text,
	"head_surname" text,
	"head_first_name" text,
	"head_patronymic" text,
	"head_position" text,
	"head_member_id" uuid,
	"logo_file_id" uuid,
	"agreement_signature_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_addresses" ADD CONSTRAINT "organization_addresses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_addresses_org_idx" ON "organization_addresses" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_members_org_account_uq" ON "organization_members" USING btree ("organization_id","account_id");--> statement-breakpoint
CREATE INDEX "organization_members_account_idx" ON "organization_members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_bin_uq" ON "organizations" USING btree ("bin");