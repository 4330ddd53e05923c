DROP INDEX "events_space_id_idx";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "events_xid_id_idx" ON "events" USING btree ("xid","id");--> statement-breakpoint
CREATE INDEX "events_space_xid_id_idx" ON "events" USING btree ("space_id","xid","id");--> statement-breakpoint
CREATE INDEX "events_space_changed_idx" ON "events" USING btree ("xid","id") WHERE "events"."kind" = 'space.changed';