ALTER TABLE "email_outbox" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "email_template_versions" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_template_versions" ADD COLUMN "variants" jsonb DEFAULT '{}'::jsonb NOT NULL;