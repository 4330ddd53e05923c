DROP INDEX "comments_search_six_idx";--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("search") WITH (fastupdate=off);