ALTER TABLE "email_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "email_events" ADD COLUMN "soft" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD COLUMN "facts" jsonb;