CREATE TABLE "comment_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"language" "comment_language" NOT NULL,
	"body_md" text NOT NULL,
	"body_html" text NOT NULL,
	"source_version" integer NOT NULL,
	"source_md5" text NOT NULL,
	"source_language" "comment_language" NOT NULL,
	"translator_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_translations_other_language" CHECK ("comment_translations"."language" <> "comment_translations"."source_language")
);
--> statement-breakpoint
ALTER TABLE "comment_translations" ADD CONSTRAINT "comment_translations_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_translations" ADD CONSTRAINT "comment_translations_translator_id_users_id_fk" FOREIGN KEY ("translator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_translations_comment_language_key" ON "comment_translations" USING btree ("comment_id","language");