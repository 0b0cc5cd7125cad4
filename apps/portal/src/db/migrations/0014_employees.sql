CREATE TABLE "employee_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"rights" text[] NOT NULL,
	"position" text,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_by_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_account_id" uuid,
	"member_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by_account_id" uuid,
	CONSTRAINT "employee_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "employee_invitations" ADD CONSTRAINT "employee_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employee_invitations_pending_uq" ON "employee_invitations" USING btree ("organization_id","email") WHERE "employee_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "employee_invitations_org_idx" ON "employee_invitations" USING btree ("organization_id","created_at");