CREATE TABLE "directory_entries" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name_ru" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_en" text,
	"attrs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source" text DEFAULT 'seed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "directory_entries_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "directory_seed_state" (
	"id" text PRIMARY KEY DEFAULT 'directories' NOT NULL,
	"digest" text NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "directory_entries_parent_idx" ON "directory_entries" USING btree ("kind","parent_code");