CREATE TABLE "comment_counters" (
	"space_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"question_key" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "comment_counters_space_id_kind_question_key_shard_pk" PRIMARY KEY("space_id","kind","question_key","shard")
);
--> statement-breakpoint
DROP INDEX "comments_search_bounded_idx";--> statement-breakpoint
ALTER TABLE "comments" drop column "search";--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (comment_search_vector("comments"."language", "comments"."body_md")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "comments_search_six_idx" ON "comments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "comments_space_published_idx" ON "comments" USING btree ("space_id",coalesce("decided_at", "created_at")) WHERE "comments"."status" = 'approved';