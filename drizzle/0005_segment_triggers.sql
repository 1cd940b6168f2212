-- Segment aggregates and the membership "touched" queue, kept current by triggers so every
-- writer (ingestion, Shopify webhooks, the seed, the engine's points) maintains them without
-- knowing about segments. Statement-level triggers with transition tables: one set-based
-- refresh per statement, whatever the number of rows it wrote.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Customer search (id, email, names; substring match) stays fast at millions of customers.
CREATE INDEX IF NOT EXISTS "customers_search_trgm_idx" ON "customers" USING gin (
  (lower("id" || ' ' || coalesce("email", '') || ' ' || coalesce("first_name", '') || ' ' || coalesce("last_name", ''))) gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION afterglow_refresh_order_aggregates(ws text[], ids text[]) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM customer_order_stats s USING unnest(ws, ids) AS t(w, c)
    WHERE s.workspace_id = t.w AND s.customer_id = t.c;
  INSERT INTO customer_order_stats (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at)
    SELECT o.workspace_id, o.customer_id, count(*), sum(o.total), min(o.placed_at), max(o.placed_at)
    FROM orders o JOIN (SELECT DISTINCT w, c FROM unnest(ws, ids) AS t(w, c)) t ON o.workspace_id = t.w AND o.customer_id = t.c
    WHERE o.status NOT IN ('cancelled', 'refunded')
    GROUP BY o.workspace_id, o.customer_id
  ON CONFLICT (workspace_id, customer_id) DO UPDATE SET order_count = excluded.order_count,
    total_spent = excluded.total_spent, first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at;
  DELETE FROM customer_purchases p USING unnest(ws, ids) AS t(w, c)
    WHERE p.workspace_id = t.w AND p.customer_id = t.c;
  INSERT INTO customer_purchases (workspace_id, kind, value, customer_id, first_at, last_at)
    SELECT i.workspace_id, v.kind, v.value, i.customer_id, min(o.placed_at), max(o.placed_at)
    FROM order_items i
    JOIN (SELECT DISTINCT w, c FROM unnest(ws, ids) AS t(w, c)) t ON i.workspace_id = t.w AND i.customer_id = t.c
    JOIN orders o ON o.workspace_id = i.workspace_id AND o.id = i.order_id
    CROSS JOIN LATERAL (
      SELECT 'product' AS kind, i.product_id AS value
      UNION ALL SELECT 'brand', lower(i.brand) WHERE coalesce(i.brand, '') <> ''
      -- "A > B > C" is also "A > B" and "A", so a parent category matches its children.
      UNION ALL SELECT 'category', array_to_string((string_to_array(lower(i.category), ' > '))[1:g], ' > ')
        FROM generate_series(1, coalesce(cardinality(string_to_array(lower(i.category), ' > ')), 0)) AS g
        WHERE coalesce(i.category, '') <> ''
    ) v
    WHERE o.status NOT IN ('cancelled', 'refunded')
    GROUP BY i.workspace_id, v.kind, v.value, i.customer_id
  ON CONFLICT (workspace_id, kind, value, customer_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at;
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION afterglow_order_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE ws text[]; ids text[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(w), array_agg(c) INTO ws, ids FROM (
      SELECT workspace_id AS w, customer_id AS c FROM changed_rows UNION SELECT workspace_id, customer_id FROM old_rows) t;
  ELSE
    SELECT array_agg(w), array_agg(c) INTO ws, ids FROM (SELECT DISTINCT workspace_id AS w, customer_id AS c FROM changed_rows) t;
  END IF;
  IF ws IS NOT NULL THEN
    PERFORM afterglow_refresh_order_aggregates(ws, ids);
    INSERT INTO segment_dirty_customers (workspace_id, customer_id) SELECT * FROM unnest(ws, ids) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER orders_aggregates_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
CREATE TRIGGER orders_aggregates_upd AFTER UPDATE ON orders REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
CREATE TRIGGER orders_aggregates_del AFTER DELETE ON orders REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
CREATE TRIGGER order_items_aggregates_ins AFTER INSERT ON order_items REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
CREATE TRIGGER order_items_aggregates_upd AFTER UPDATE ON order_items REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
CREATE TRIGGER order_items_aggregates_del AFTER DELETE ON order_items REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_rows_changed();
--> statement-breakpoint
-- Anything else a rule can read marks the customer for the next incremental membership check.
CREATE OR REPLACE FUNCTION afterglow_customer_rows_touched() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'customers' THEN
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, id FROM changed_rows ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'events' THEN
    -- The membership check's own events must not mark the customer again.
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows
      WHERE customer_id IS NOT NULL AND name IS DISTINCT FROM 'segment_entered' AND name IS DISTINCT FROM 'segment_left'
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows WHERE customer_id IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER customers_segments_ins AFTER INSERT ON customers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_customer_rows_touched();
--> statement-breakpoint
CREATE TRIGGER customers_segments_upd AFTER UPDATE ON customers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_customer_rows_touched();
--> statement-breakpoint
CREATE TRIGGER events_segments_ins AFTER INSERT ON events REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_customer_rows_touched();
--> statement-breakpoint
CREATE TRIGGER loyalty_segments_ins AFTER INSERT ON loyalty_ledger REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_customer_rows_touched();
--> statement-breakpoint
CREATE TRIGGER email_events_segments_ins AFTER INSERT ON email_events REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_customer_rows_touched();
--> statement-breakpoint
-- Orders written before this migration.
SELECT afterglow_refresh_order_aggregates(array_agg(workspace_id), array_agg(customer_id))
  FROM (SELECT DISTINCT workspace_id, customer_id FROM orders) t;
