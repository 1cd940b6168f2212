ALTER TABLE "reviews" ALTER COLUMN "customer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "replied_by" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "reply_emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "source" text DEFAULT 'page' NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "author_name" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "author_email" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "import_key" text;--> statement-breakpoint
CREATE INDEX "reviews_recent_idx" ON "reviews" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reviews_status_recent_idx" ON "reviews" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "reviews_attention_idx" ON "reviews" USING btree ("workspace_id","created_at","id") WHERE rating <= 2 and reply is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_import_uq" ON "reviews" USING btree ("workspace_id","import_key") WHERE import_key is not null;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_source_ck" CHECK ("reviews"."source" in ('page', 'import'));--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_origin_ck" CHECK ("reviews"."source" = 'import' or ("reviews"."order_id" is not null and "reviews"."customer_id" is not null));--> statement-breakpoint
-- hand-written: the Reviews page's text search (substring, any case) over the review and its
-- author stays an index scan at any number of reviews; the same expression as reviews.list's.
CREATE INDEX IF NOT EXISTS "reviews_search_trgm_idx" ON "reviews" USING gin (
  (lower("text" || ' ' || coalesce("author_name", '') || ' ' || coalesce("author_email", ''))) gin_trgm_ops);
