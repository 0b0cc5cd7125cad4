CREATE TABLE "email_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "email_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
DROP TABLE "email_activations" CASCADE;--> statement-breakpoint
DROP TABLE "password_recovery_links" CASCADE;--> statement-breakpoint
CREATE INDEX "email_tokens_account_purpose_idx" ON "email_tokens" USING btree ("account_id","purpose");