ALTER TABLE "questions" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "original_language" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;