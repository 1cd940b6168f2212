-- Order aggregates rebuilt once per transaction, at commit, instead of once per statement.
-- An ingestion request writes orders, deletes and inserts order lines: three statements that
-- each rebuilt the same customers' aggregates. Now each statement only notes its customers
-- (order_aggregates_pending, keyed by transaction: no other transaction ever conflicts with
-- it), and one deferred trigger per transaction rebuilds them all just before commit.
--
-- Concurrent rebuilds of one customer take a lock first (one of 4,096 advisory buckets,
-- always in ascending order, so two rebuilders never deadlock), and each statement after it
-- reads a fresh snapshot: the second rebuilder sees the first one's committed orders, where
-- two concurrent rebuilds could each miss the other's order before. PL/pgSQL, not SQL: its
-- statements are planned once per connection, not on every call (most of a call's time).
CREATE OR REPLACE FUNCTION afterglow_refresh_order_aggregates(ws text[], ids text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(20614, b) FROM (
    SELECT DISTINCT hashtext(w || '/' || c) & 4095 AS b FROM unnest(ws, ids) AS t(w, c) ORDER BY 1) buckets;
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
END $fn$;
--> statement-breakpoint
-- Statement triggers on orders and order_items: note the customers, and the transaction once.
CREATE OR REPLACE FUNCTION afterglow_order_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO order_aggregates_pending (xid, workspace_id, customer_id)
      SELECT x, w, c FROM (SELECT workspace_id AS w, customer_id AS c FROM changed_rows
        UNION SELECT workspace_id, customer_id FROM old_rows) t
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO order_aggregates_pending (xid, workspace_id, customer_id)
      SELECT DISTINCT x, workspace_id, customer_id FROM changed_rows
      ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO order_aggregates_flush (xid) VALUES (x) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
-- At commit: rebuild every customer the transaction noted, and queue them for the segment
-- membership check (in customer order).
CREATE OR REPLACE FUNCTION afterglow_flush_order_aggregates() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE ws text[]; ids text[];
BEGIN
  WITH taken AS (DELETE FROM order_aggregates_pending WHERE xid = NEW.xid RETURNING workspace_id, customer_id)
  SELECT array_agg(workspace_id ORDER BY workspace_id, customer_id), array_agg(customer_id ORDER BY workspace_id, customer_id)
    INTO ws, ids FROM taken;
  DELETE FROM order_aggregates_flush WHERE xid = NEW.xid;
  IF ws IS NOT NULL THEN
    PERFORM afterglow_refresh_order_aggregates(ws, ids);
    INSERT INTO segment_dirty_customers (workspace_id, customer_id) SELECT * FROM unnest(ws, ids);
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER order_aggregates_at_commit AFTER INSERT ON order_aggregates_flush
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION afterglow_flush_order_aggregates();
--> statement-breakpoint
-- The membership queue has no unique key any more (a mark never waits for a check holding
-- the same customer's mark): each statement adds its distinct customers once.
CREATE OR REPLACE FUNCTION afterglow_customer_rows_touched() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'customers' THEN
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, id FROM changed_rows;
  ELSIF TG_TABLE_NAME = 'events' THEN
    -- The membership check's own events must not mark the customer again.
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows
      WHERE customer_id IS NOT NULL AND name IS DISTINCT FROM 'segment_entered' AND name IS DISTINCT FROM 'segment_left';
  ELSE
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows WHERE customer_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $fn$;
