CREATE TABLE "workspace_daily" (
	"workspace_id" text NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"n" numeric(16, 2) NOT NULL,
	CONSTRAINT "workspace_daily_workspace_id_day_metric_pk" PRIMARY KEY("workspace_id","day","metric")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "weekly_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_order_stats_first_idx" ON "customer_order_stats" USING btree ("workspace_id","first_order_at");--> statement-breakpoint
CREATE INDEX "coupons_redeemed_order_idx" ON "coupons" USING btree ("workspace_id","redeemed_order_id") WHERE redeemed_order_id is not null;
--> statement-breakpoint
-- hand-written: workspace_daily, the dashboard's rollup, kept by the statements that record
-- what it counts (docs/analytics.md#the-workspace-dashboard). Days are UTC. Rows are upserted
-- in key order, so writers side by side never deadlock.
CREATE FUNCTION afterglow_outbox_sent_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  VALUES (NEW.workspace_id, (coalesce(NEW.sent_at, now()) AT TIME ZONE 'UTC')::date, 'emails_sent', 1)
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Customer emails only: staff alerts and the team's own mail (no customer) are not the shop's sending.
CREATE TRIGGER email_outbox_sent_workspace AFTER UPDATE OF status ON email_outbox FOR EACH ROW
  WHEN (NEW.status = 'sent' AND OLD.status IS DISTINCT FROM 'sent' AND NEW.kind <> 'alert' AND NEW.customer_id <> '')
  EXECUTE FUNCTION afterglow_outbox_sent_workspace();
--> statement-breakpoint
-- Bounces, unsubscribes and complaints: each email once, on the day of its first such event.
CREATE FUNCTION afterglow_email_events_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT n.workspace_id, (n.at AT TIME ZONE 'UTC')::date,
    CASE n.type WHEN 'bounce' THEN 'bounced' WHEN 'complaint' THEN 'complained' ELSE 'unsubscribed' END, count(*)
  FROM stored n
  WHERE n.type IN ('bounce', 'complaint', 'unsubscribe') AND NOT n.bot
    AND NOT EXISTS (SELECT 1 FROM email_events e WHERE e.workspace_id = n.workspace_id AND e.outbox_id = n.outbox_id
      AND e.type = n.type AND NOT e.bot AND (e.at, e.id) < (n.at, n.id))
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER email_events_workspace AFTER INSERT ON email_events
  REFERENCING NEW TABLE AS stored FOR EACH STATEMENT EXECUTE FUNCTION afterglow_email_events_workspace();
--> statement-breakpoint
CREATE FUNCTION afterglow_coupons_issued_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT workspace_id, (created_at AT TIME ZONE 'UTC')::date, 'coupons_issued', count(*)
  FROM issued GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coupons_issued_workspace AFTER INSERT ON coupons
  REFERENCING NEW TABLE AS issued FOR EACH STATEMENT EXECUTE FUNCTION afterglow_coupons_issued_workspace();
--> statement-breakpoint
-- A coupon redeemed (once: redeemed_at goes from null to a time), on the day it was redeemed, with
-- the order's total and the discount it gave: a fixed amount, or a percentage of the price before
-- the discount (the order's total is what was paid: total × p ÷ (100 − p)); free shipping and
-- 100 % coupons count 0 (the shipping or the price is not known). Ingestion writes the order and
-- marks its coupons in one transaction, in either order: whichever statement comes second finds
-- the other's row and counts the money, so it is counted once.
CREATE FUNCTION afterglow_discount(kind text, value numeric, total numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN kind = 'fixed' THEN greatest(value, 0)
    WHEN kind = 'percent' AND value > 0 AND value < 100 THEN round(coalesce(total, 0) * value / (100 - value), 2)
    ELSE 0 END
$$;
--> statement-breakpoint
CREATE FUNCTION afterglow_coupons_redeemed_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT r.workspace_id, r.day, m.metric, sum(m.n)
  FROM (
    SELECT a.workspace_id, (a.redeemed_at AT TIME ZONE 'UTC')::date AS day, o.total, afterglow_discount(a.kind, a.value, o.total) AS discount
    FROM after_rows a JOIN before_rows b ON b.id = a.id
    LEFT JOIN orders o ON o.workspace_id = a.workspace_id AND o.id = a.redeemed_order_id
    WHERE b.redeemed_at IS NULL AND a.redeemed_at IS NOT NULL
  ) r
  CROSS JOIN LATERAL (VALUES ('coupons_redeemed', 1::numeric), ('discount_given', r.discount), ('coupon_revenue', coalesce(r.total, 0))) AS m(metric, n)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coupons_redeemed_workspace AFTER UPDATE ON coupons
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION afterglow_coupons_redeemed_workspace();
--> statement-breakpoint
-- A new order whose coupons were marked redeemed before it was written: its money, on the coupon's day.
CREATE FUNCTION afterglow_orders_coupons_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT c.workspace_id, (c.redeemed_at AT TIME ZONE 'UTC')::date, m.metric, sum(m.n)
  FROM placed o
  JOIN coupons c ON c.workspace_id = o.workspace_id AND c.redeemed_order_id = o.id
  CROSS JOIN LATERAL (VALUES ('discount_given', afterglow_discount(c.kind, c.value, o.total)), ('coupon_revenue', o.total::numeric)) AS m(metric, n)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orders_coupons_workspace AFTER INSERT ON orders
  REFERENCING NEW TABLE AS placed FOR EACH STATEMENT EXECUTE FUNCTION afterglow_orders_coupons_workspace();
--> statement-breakpoint
-- Points: issued (every credit), redeemed (rewards bought), and every entry's net, whose sum over
-- all days is what the shop owes its members.
CREATE FUNCTION afterglow_ledger_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT l.workspace_id, (l.created_at AT TIME ZONE 'UTC')::date, m.metric, sum(m.n)
  FROM entered l
  CROSS JOIN LATERAL (VALUES
    ('points_issued', greatest(l.points, 0)::numeric),
    ('points_redeemed', CASE WHEN l.kind = 'redeem' THEN -least(l.points, 0) ELSE 0 END::numeric),
    ('points_net', l.points::numeric)) AS m(metric, n)
  WHERE l.points <> 0
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER loyalty_ledger_workspace AFTER INSERT ON loyalty_ledger
  REFERENCING NEW TABLE AS entered FOR EACH STATEMENT EXECUTE FUNCTION afterglow_ledger_workspace();
--> statement-breakpoint
-- What happened before this migration, once, so an existing shop's dashboard starts full.
INSERT INTO workspace_daily (workspace_id, day, metric, n)
SELECT workspace_id, day, metric, sum(n) FROM (
  SELECT workspace_id, (sent_at AT TIME ZONE 'UTC')::date AS day, 'emails_sent' AS metric, 1::numeric AS n
  FROM email_outbox WHERE status = 'sent' AND sent_at IS NOT NULL AND kind <> 'alert' AND customer_id <> ''
  UNION ALL
  SELECT workspace_id, (at AT TIME ZONE 'UTC')::date,
    CASE type WHEN 'bounce' THEN 'bounced' WHEN 'complaint' THEN 'complained' ELSE 'unsubscribed' END, 1
  FROM (SELECT DISTINCT ON (workspace_id, outbox_id, type) workspace_id, type, at FROM email_events
    WHERE type IN ('bounce', 'complaint', 'unsubscribe') AND NOT bot ORDER BY workspace_id, outbox_id, type, at, id) first_events
  UNION ALL
  SELECT workspace_id, (created_at AT TIME ZONE 'UTC')::date, 'coupons_issued', 1 FROM coupons
  UNION ALL
  SELECT c.workspace_id, (c.redeemed_at AT TIME ZONE 'UTC')::date, m.metric, m.n
  FROM coupons c LEFT JOIN orders o ON o.workspace_id = c.workspace_id AND o.id = c.redeemed_order_id
  CROSS JOIN LATERAL (VALUES ('coupons_redeemed', 1::numeric), ('discount_given', afterglow_discount(c.kind, c.value, o.total)),
    ('coupon_revenue', coalesce(o.total, 0))) AS m(metric, n)
  WHERE c.redeemed_at IS NOT NULL
  UNION ALL
  SELECT l.workspace_id, (l.created_at AT TIME ZONE 'UTC')::date, m.metric, m.n
  FROM loyalty_ledger l CROSS JOIN LATERAL (VALUES
    ('points_issued', greatest(l.points, 0)::numeric),
    ('points_redeemed', CASE WHEN l.kind = 'redeem' THEN -least(l.points, 0) ELSE 0 END::numeric),
    ('points_net', l.points::numeric)) AS m(metric, n)
  WHERE l.points <> 0
) backfill
GROUP BY 1, 2, 3;
