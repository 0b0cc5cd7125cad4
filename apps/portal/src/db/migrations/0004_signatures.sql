CREATE TABLE "email_activations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "email_activations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "signature_pending_logins" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"login" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" text,
	"account_id" uuid,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "email_activations_account_idx" ON "email_activations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "signature_pending_logins_expires_idx" ON "signature_pending_logins" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "signing_requests_expires_idx" ON "signing_requests" USING btree ("expires_at");