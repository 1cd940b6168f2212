-- New orders and new order lines add to their customers' aggregates at once, reading only
-- the rows just written (the transition table): placing an order no longer re-reads the
-- customer's whole history. Updates and deletes (status changes, replaced lines) still note
-- their customers for the full rebuild at commit (0014), which also corrects anything an
-- increment of the same transaction added. Increments are applied in key order, so two
-- requests adding to the same customers wait for each other instead of deadlocking. They run
-- through EXECUTE, planned each time: a plan cached for the connection while the orders table
-- was small scans it whole once it is large (seen in the ingest bench: 14 ms per statement).
--
-- What a line counts as, in one place for the increment and the rebuild: its product, its
-- brand, and its category with every parent ("A > B > C" is also "A > B" and "A", so a
-- parent category matches its children). Values lower-cased, matching case-insensitively.
CREATE OR REPLACE FUNCTION afterglow_purchase_keys(product_id text, brand text, category text)
RETURNS TABLE (kind text, value text) LANGUAGE sql IMMUTABLE AS $fn$
  SELECT 'product', product_id
  UNION ALL SELECT 'brand', lower(brand) WHERE coalesce(brand, '') <> ''
  UNION ALL SELECT 'category', array_to_string((string_to_array(lower(category), ' > '))[1:g], ' > ')
    FROM generate_series(1, coalesce(cardinality(string_to_array(lower(category), ' > ')), 0)) AS g
    WHERE coalesce(category, '') <> ''
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION afterglow_refresh_order_aggregates(ws text[], ids text[]) RETURNS void
-- Planned for each call's customers: a generic plan made while the tables were small scans them whole.
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
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
    CROSS JOIN LATERAL afterglow_purchase_keys(i.product_id, i.brand, i.category) v
    WHERE o.status NOT IN ('cancelled', 'refunded')
    GROUP BY i.workspace_id, v.kind, v.value, i.customer_id
  ON CONFLICT (workspace_id, kind, value, customer_id) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at;
END $fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION afterglow_order_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE x bigint;
BEGIN
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'orders' THEN
    EXECUTE $q$ INSERT INTO customer_order_stats AS s (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at)
      SELECT workspace_id, customer_id, count(*), sum(total), min(placed_at), max(placed_at) FROM changed_rows
      WHERE status NOT IN ('cancelled', 'refunded')
      GROUP BY workspace_id, customer_id ORDER BY workspace_id, customer_id
    ON CONFLICT (workspace_id, customer_id) DO UPDATE SET order_count = s.order_count + excluded.order_count,
      total_spent = s.total_spent + excluded.total_spent, first_order_at = least(s.first_order_at, excluded.first_order_at),
      last_order_at = greatest(s.last_order_at, excluded.last_order_at) $q$;
    INSERT INTO segment_dirty_customers (workspace_id, customer_id) SELECT DISTINCT workspace_id, customer_id FROM changed_rows;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN -- order_items
    EXECUTE $q$ INSERT INTO customer_purchases AS p (workspace_id, kind, value, customer_id, first_at, last_at)
      SELECT i.workspace_id, v.kind, v.value, i.customer_id, min(o.placed_at), max(o.placed_at)
      FROM changed_rows i
      -- By key, one probe per line (limit 1): never a scan of all orders, whatever the statistics say.
      CROSS JOIN LATERAL (SELECT o.placed_at, o.status FROM orders o
        WHERE o.workspace_id = i.workspace_id AND o.id = i.order_id LIMIT 1) o
      CROSS JOIN LATERAL afterglow_purchase_keys(i.product_id, i.brand, i.category) v
      WHERE o.status NOT IN ('cancelled', 'refunded')
      GROUP BY i.workspace_id, i.customer_id, v.kind, v.value ORDER BY i.workspace_id, i.customer_id, v.kind, v.value
    ON CONFLICT (workspace_id, customer_id, kind, value) DO UPDATE SET first_at = least(p.first_at, excluded.first_at),
      last_at = greatest(p.last_at, excluded.last_at) $q$;
    INSERT INTO segment_dirty_customers (workspace_id, customer_id) SELECT DISTINCT workspace_id, customer_id FROM changed_rows;
    RETURN NULL;
  END IF;
  x := pg_current_xact_id()::text::bigint;
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
