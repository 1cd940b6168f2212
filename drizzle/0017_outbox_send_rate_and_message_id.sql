DROP INDEX "email_outbox_due_idx";--> statement-breakpoint
CREATE INDEX "email_outbox_ws_due_idx" ON "email_outbox" USING btree ("workspace_id","next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_ws_sent_idx" ON "email_outbox" USING btree ("workspace_id","sent_at") WHERE sent_at is not null;--> statement-breakpoint
CREATE INDEX "email_outbox_message_idx" ON "email_outbox" USING btree ("workspace_id","message_id");