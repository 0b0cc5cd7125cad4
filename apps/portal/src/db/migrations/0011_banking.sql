CREATE TABLE "bank_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"old_format" boolean DEFAULT false NOT NULL,
	"bank_code" text NOT NULL,
	"bic" text,
	"kbe" text,
	"account_type" text NOT NULL,
	"opened_on" date,
	"closed_on" date,
	"guarantee_deposit" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_registration_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_account_id" uuid NOT NULL,
	"organization_id" uuid,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"bank_code" text NOT NULL,
	"bic" text NOT NULL,
	"country_code" text NOT NULL,
	"kato" text,
	"address_kk" text NOT NULL,
	"address_ru" text NOT NULL,
	"confirmation_info" text NOT NULL,
	"head_office" boolean DEFAULT false NOT NULL,
	"resident" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"language" text DEFAULT 'ru' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_org_number_uq" ON "bank_accounts" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_one_default_uq" ON "bank_accounts" USING btree ("organization_id") WHERE "bank_accounts"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "bank_requests_pending_bic_uq" ON "bank_registration_requests" USING btree ("bic") WHERE "bank_registration_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bank_requests_requester_idx" ON "bank_registration_requests" USING btree ("requester_account_id");--> statement-breakpoint
CREATE INDEX "bank_requests_status_idx" ON "bank_registration_requests" USING btree ("status","created_at");