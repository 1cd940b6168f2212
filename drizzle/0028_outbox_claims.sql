ALTER TABLE "email_outbox" ADD COLUMN "claimed_by" integer;--> statement-breakpoint
CREATE INDEX "email_outbox_claimed_idx" ON "email_outbox" USING btree ("claimed_by") WHERE claimed_by is not null;