ALTER TYPE "public"."moderation_mode" ADD VALUE 'pre_except_verified';--> statement-breakpoint
CREATE TABLE "affiliation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"stakeholder_category" "stakeholder_category" NOT NULL,
	"country" char(2),
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"organisation" text NOT NULL,
	"stakeholder_category" "stakeholder_category" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "affiliation_verified_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "affiliation_verified_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "affiliation_verified_by_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "affiliation_verified_via" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "focal_point_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "affiliation_requests" ADD CONSTRAINT "affiliation_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation_requests" ADD CONSTRAINT "affiliation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_domains" ADD CONSTRAINT "organisation_domains_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "affiliation_requests_one_pending" ON "affiliation_requests" USING btree ("user_id") WHERE "affiliation_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "affiliation_requests_status_idx" ON "affiliation_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_requests_user_idx" ON "affiliation_requests" USING btree ("user_id","created_at");