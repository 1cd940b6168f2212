ALTER TABLE "customer_order_stats" ADD COLUMN "second_order_at" timestamp with time zone;--> statement-breakpoint
-- hand-written:
-- customer_order_stats.second_order_at: the earliest counted order after the first (a later
-- instant), so the dashboard's repeat cohorts read one row per customer instead of probing
-- each customer's orders. Kept by the same two paths as the other aggregates: new orders add
-- to it from the rows just written, updates and deletes (cancel, refund, a moved placed_at, a
-- deleted order) rebuild the customer at commit from all their counted orders.
--
-- Existing rows first, set-based: each repeat customer's earliest counted order after the first.
UPDATE customer_order_stats s SET second_order_at = t.second_at
FROM (
  SELECT o.workspace_id, o.customer_id, min(o.placed_at) AS second_at
  FROM customer_order_stats f
  JOIN orders o ON o.workspace_id = f.workspace_id AND o.customer_id = f.customer_id AND o.placed_at > f.first_order_at
  WHERE f.order_count > 1 AND o.status NOT IN ('cancelled', 'refunded')
  GROUP BY o.workspace_id, o.customer_id
) t
WHERE s.workspace_id = t.workspace_id AND s.customer_id = t.customer_id;
--> statement-breakpoint
-- The rebuild (0016's function): the second distinct instant of the customer's counted orders.
CREATE OR REPLACE FUNCTION afterglow_refresh_order_aggregates(ws text[], ids text[]) RETURNS void
-- Planned for each call's customers: a generic plan made while the tables were small scans them whole.
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(20614, b) FROM (
    SELECT DISTINCT hashtext(w || '/' || c) & 4095 AS b FROM unnest(ws, ids) AS t(w, c) ORDER BY 1) buckets;
  DELETE FROM customer_order_stats s USING unnest(ws, ids) AS t(w, c)
    WHERE s.workspace_id = t.w AND s.customer_id = t.c;
  INSERT INTO customer_order_stats (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at, second_order_at)
    SELECT o.workspace_id, o.customer_id, count(*), sum(o.total), min(o.placed_at), max(o.placed_at),
      (array_agg(DISTINCT o.placed_at ORDER BY o.placed_at))[2]
    FROM orders o JOIN (SELECT DISTINCT w, c FROM unnest(ws, ids) AS t(w, c)) t ON o.workspace_id = t.w AND o.customer_id = t.c
    WHERE o.status NOT IN ('cancelled', 'refunded')
    GROUP BY o.workspace_id, o.customer_id
  ON CONFLICT (workspace_id, customer_id) DO UPDATE SET order_count = excluded.order_count,
    total_spent = excluded.total_spent, first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at,
    second_order_at = excluded.second_order_at;
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
-- New orders (0027's function): the new second order is the earliest of the stored first and
-- second and the batch's two earliest instants that is later than the new first order (the
-- four hold the two earliest distinct instants of all the customer's orders). LEAST skips nulls.
CREATE OR REPLACE FUNCTION afterglow_order_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE x bigint;
BEGIN
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'orders' THEN
    EXECUTE $q$ INSERT INTO customer_order_stats AS s (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at, second_order_at)
      SELECT workspace_id, customer_id, count(*), sum(total), min(placed_at), max(placed_at),
        (array_agg(DISTINCT placed_at ORDER BY placed_at))[2] FROM changed_rows
      WHERE status NOT IN ('cancelled', 'refunded') AND customer_id <> ''
      GROUP BY workspace_id, customer_id ORDER BY workspace_id, customer_id
    ON CONFLICT (workspace_id, customer_id) DO UPDATE SET order_count = s.order_count + excluded.order_count,
      total_spent = s.total_spent + excluded.total_spent, first_order_at = least(s.first_order_at, excluded.first_order_at),
      last_order_at = greatest(s.last_order_at, excluded.last_order_at),
      second_order_at = least(
        CASE WHEN s.first_order_at > excluded.first_order_at THEN s.first_order_at END,
        CASE WHEN excluded.first_order_at > s.first_order_at THEN excluded.first_order_at END,
        CASE WHEN s.second_order_at > least(s.first_order_at, excluded.first_order_at) THEN s.second_order_at END,
        CASE WHEN excluded.second_order_at > least(s.first_order_at, excluded.first_order_at) THEN excluded.second_order_at END) $q$;
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows WHERE customer_id <> '';
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
      WHERE o.status NOT IN ('cancelled', 'refunded') AND i.customer_id <> ''
      GROUP BY i.workspace_id, i.customer_id, v.kind, v.value ORDER BY i.workspace_id, i.customer_id, v.kind, v.value
    ON CONFLICT (workspace_id, customer_id, kind, value) DO UPDATE SET first_at = least(p.first_at, excluded.first_at),
      last_at = greatest(p.last_at, excluded.last_at) $q$;
    INSERT INTO segment_dirty_customers (workspace_id, customer_id)
      SELECT DISTINCT workspace_id, customer_id FROM changed_rows WHERE customer_id <> '';
    RETURN NULL;
  END IF;
  x := pg_current_xact_id()::text::bigint;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO order_aggregates_pending (xid, workspace_id, customer_id)
      SELECT x, w, c FROM (SELECT workspace_id AS w, customer_id AS c FROM changed_rows
        UNION SELECT workspace_id, customer_id FROM old_rows) t
      WHERE c <> ''
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO order_aggregates_pending (xid, workspace_id, customer_id)
      SELECT DISTINCT x, workspace_id, customer_id FROM changed_rows WHERE customer_id <> ''
      ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO order_aggregates_flush (xid) VALUES (x) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $fn$;
