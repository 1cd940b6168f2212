ALTER TABLE "email_outbox" ADD COLUMN "html_deflated" "bytea";--> statement-breakpoint
-- hand-written
-- The worker deflates the HTML itself: stored out of line as it is, never passed through pglz.
ALTER TABLE "email_outbox" ALTER COLUMN "html_deflated" SET STORAGE EXTERNAL;
