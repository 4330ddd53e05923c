ALTER TABLE "note_versions" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "note_versions" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "note_versions" SET "updated_at" = "created_at";
