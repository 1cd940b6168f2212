DROP INDEX "loyalty_customer_idx";--> statement-breakpoint
CREATE INDEX "events_referral_completed_idx" ON "events" USING btree ("workspace_id","timestamp") WHERE name = 'Referral Completed';--> statement-breakpoint
CREATE INDEX "loyalty_ledger_time_idx" ON "loyalty_ledger" USING btree ("workspace_id","created_at","kind","points");--> statement-breakpoint
CREATE INDEX "loyalty_customer_idx" ON "loyalty_ledger" USING btree ("workspace_id","customer_id","kind","points");