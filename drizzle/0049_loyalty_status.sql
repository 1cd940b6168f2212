CREATE TABLE "loyalty_dirty_customers" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_status_state" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"swept_at" timestamp with time zone,
	"settings_hash" text
);
--> statement-breakpoint
CREATE INDEX "loyalty_dirty_workspace_idx" ON "loyalty_dirty_customers" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("workspace_id","placed_at");--> statement-breakpoint
-- hand-written: every writer of points or orders (ingestion, the engine's Grant points, earning
-- rules, redemptions, expiry, the seed) marks the customer for loyalty:status without knowing
-- about tiers. Statement-level, one insert per statement whatever the number of rows; an
-- order moved to another customer marks both.
CREATE OR REPLACE FUNCTION afterglow_loyalty_rows_touched() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO loyalty_dirty_customers (workspace_id, customer_id)
      SELECT workspace_id, customer_id FROM changed_rows WHERE customer_id <> ''
      UNION SELECT workspace_id, customer_id FROM old_rows WHERE customer_id <> '';
  ELSE
    INSERT INTO loyalty_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows WHERE customer_id <> '';
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER loyalty_status_ledger_ins AFTER INSERT ON loyalty_ledger REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_loyalty_rows_touched();
--> statement-breakpoint
CREATE TRIGGER loyalty_status_orders_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_loyalty_rows_touched();
--> statement-breakpoint
CREATE TRIGGER loyalty_status_orders_upd AFTER UPDATE ON orders REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_loyalty_rows_touched();
