CREATE TABLE "hashed_suppressions" (
	"workspace_id" text NOT NULL,
	"address_hash" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hashed_suppressions_workspace_id_address_hash_pk" PRIMARY KEY("workspace_id","address_hash")
);
--> statement-breakpoint
CREATE INDEX "dev_mailbox_message_idx" ON "dev_mailbox" USING btree ("message_id");--> statement-breakpoint
-- hand-written:
-- The one spelling of an address's hash for hashed_suppressions: SHA-256 (hex) of the address
-- trimmed and lower-cased, as the senders' checks and the erasure compute it.
CREATE OR REPLACE FUNCTION afterglow_address_hash(address text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT encode(sha256(convert_to(lower(btrim(address)), 'UTF8')), 'hex')
$fn$;
--> statement-breakpoint
-- Orders of an erased customer are kept for revenue under the customer id '' (no customer can
-- have it: ingestion refuses empty ids). They belong to no one, so they count in no customer's
-- aggregates and mark no one for the segment check: 0016's function with that one condition.
CREATE OR REPLACE FUNCTION afterglow_order_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE x bigint;
BEGIN
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'orders' THEN
    EXECUTE $q$ INSERT INTO customer_order_stats AS s (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at)
      SELECT workspace_id, customer_id, count(*), sum(total), min(placed_at), max(placed_at) FROM changed_rows
      WHERE status NOT IN ('cancelled', 'refunded') AND customer_id <> ''
      GROUP BY workspace_id, customer_id ORDER BY workspace_id, customer_id
    ON CONFLICT (workspace_id, customer_id) DO UPDATE SET order_count = s.order_count + excluded.order_count,
      total_spent = s.total_spent + excluded.total_spent, first_order_at = least(s.first_order_at, excluded.first_order_at),
      last_order_at = greatest(s.last_order_at, excluded.last_order_at) $q$;
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
