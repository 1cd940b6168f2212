DROP INDEX "customer_purchases_last_idx";--> statement-breakpoint
DROP INDEX "customer_purchases_customer_idx";--> statement-breakpoint
ALTER TABLE "customer_purchases" DROP CONSTRAINT "customer_purchases_workspace_id_kind_value_customer_id_pk";--> statement-breakpoint
ALTER TABLE "customer_purchases" ADD CONSTRAINT "customer_purchases_workspace_id_customer_id_kind_value_pk" PRIMARY KEY("workspace_id","customer_id","kind","value");--> statement-breakpoint
CREATE INDEX "customer_purchases_value_idx" ON "customer_purchases" USING btree ("workspace_id","kind","value","last_at","customer_id");