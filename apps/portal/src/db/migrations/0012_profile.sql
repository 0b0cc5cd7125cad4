CREATE TABLE "profile_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"kato" text,
	"street" text NOT NULL,
	"house" text NOT NULL,
	"apartment" text,
	"phone" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"series" text,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date,
	"issuer" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"photo_file_id" uuid,
	"rnn" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "profile_contacts_account_idx" ON "profile_contacts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "profile_documents_account_idx" ON "profile_documents" USING btree ("account_id");