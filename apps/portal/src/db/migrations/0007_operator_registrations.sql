CREATE TABLE "operator_registrations" (
	"request_id" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"iin" text NOT NULL,
	"account_id" uuid NOT NULL,
	"operator_iin" text NOT NULL,
	"operator_bin" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
