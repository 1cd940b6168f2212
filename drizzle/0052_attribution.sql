CREATE TABLE "journey_daily" (
	"journey_id" text NOT NULL,
	"day" date NOT NULL,
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"metric" text NOT NULL,
	"n" numeric(14, 2) NOT NULL,
	CONSTRAINT "journey_daily_journey_id_day_version_id_node_id_metric_pk" PRIMARY KEY("journey_id","day","version_id","node_id","metric")
);
--> statement-breakpoint
CREATE TABLE "journey_group_totals" (
	"journey_id" text NOT NULL,
	"version_id" text NOT NULL,
	"grp" text NOT NULL,
	"runs" bigint DEFAULT 0 NOT NULL,
	"converted" bigint DEFAULT 0 NOT NULL,
	"revenue" numeric(14, 2) DEFAULT 0 NOT NULL,
	"revenue_sq" numeric DEFAULT 0 NOT NULL,
	CONSTRAINT "journey_group_totals_journey_id_version_id_grp_pk" PRIMARY KEY("journey_id","version_id","grp")
);
--> statement-breakpoint
CREATE TABLE "lift_orders" (
	"workspace_id" text NOT NULL,
	"order_id" text NOT NULL,
	CONSTRAINT "lift_orders_workspace_id_order_id_pk" PRIMARY KEY("workspace_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "order_attributions" (
	"workspace_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"run_id" uuid,
	"rule" text NOT NULL,
	"outbox_id" uuid,
	"coupon_code" text,
	"revenue" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_attributions_workspace_id_order_id_pk" PRIMARY KEY("workspace_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "run_groups" (
	"run_id" uuid NOT NULL,
	"grp" text NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version_id" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"revenue" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "run_groups_run_id_grp_pk" PRIMARY KEY("run_id","grp")
);
--> statement-breakpoint
CREATE INDEX "order_attributions_journey_idx" ON "order_attributions" USING btree ("journey_id","placed_at");--> statement-breakpoint
CREATE INDEX "run_groups_customer_idx" ON "run_groups" USING btree ("workspace_id","customer_id","since");--> statement-breakpoint
CREATE INDEX "email_outbox_touch_idx" ON "email_outbox" USING btree ("workspace_id","customer_id","sent_at") WHERE journey_id is not null and sent_at is not null;--> statement-breakpoint
-- hand-written: the journey report's daily rollups, kept by the statements that make things
-- happen. Rows are upserted in key order, so writers side by side never deadlock; each holds
-- its few rows only until its commit (as journey_node_counts). Days are UTC.
CREATE FUNCTION afterglow_runs_entered_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_daily (journey_id, day, version_id, node_id, metric, n)
  SELECT journey_id, (entered_at AT TIME ZONE 'UTC')::date, version_id, '', 'entries', count(*)
  FROM entered GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (journey_id, day, version_id, node_id, metric) DO UPDATE SET n = journey_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER journey_runs_entered_daily AFTER INSERT ON journey_runs
  REFERENCING NEW TABLE AS entered FOR EACH STATEMENT EXECUTE FUNCTION afterglow_runs_entered_daily();
--> statement-breakpoint
-- An email counts as sent on the day it went out, once (a row only ever becomes 'sent' once).
CREATE FUNCTION afterglow_outbox_sent_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_daily (journey_id, day, version_id, node_id, metric, n)
  VALUES (NEW.journey_id, (coalesce(NEW.sent_at, now()) AT TIME ZONE 'UTC')::date, NEW.version_id, NEW.node_id, 'sent', 1)
  ON CONFLICT (journey_id, day, version_id, node_id, metric) DO UPDATE SET n = journey_daily.n + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER email_outbox_sent_daily AFTER UPDATE OF status ON email_outbox FOR EACH ROW
  WHEN (NEW.status = 'sent' AND OLD.status IS DISTINCT FROM 'sent' AND NEW.journey_id IS NOT NULL
    AND NEW.version_id IS NOT NULL AND NEW.node_id IS NOT NULL)
  EXECUTE FUNCTION afterglow_outbox_sent_daily();
--> statement-breakpoint
-- Opened / clicked / unsubscribed: each email once, on the day of its first such event by a
-- person (machine opens and clicks, scanners and privacy proxies, do not count here).
CREATE FUNCTION afterglow_email_events_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_daily (journey_id, day, version_id, node_id, metric, n)
  SELECT v.journey_id, (n.at AT TIME ZONE 'UTC')::date, n.version_id, n.node_id,
    CASE n.type WHEN 'open' THEN 'opened' WHEN 'click' THEN 'clicked' ELSE 'unsubscribed' END, count(*)
  FROM stored n JOIN journey_versions v ON v.id = n.version_id
  WHERE n.type IN ('open', 'click', 'unsubscribe') AND NOT n.bot AND n.node_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM email_events e WHERE e.workspace_id = n.workspace_id AND e.outbox_id = n.outbox_id
      AND e.type = n.type AND NOT e.bot AND (e.at, e.id) < (n.at, n.id))
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (journey_id, day, version_id, node_id, metric) DO UPDATE SET n = journey_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER email_events_daily AFTER INSERT ON email_events
  REFERENCING NEW TABLE AS stored FOR EACH STATEMENT EXECUTE FUNCTION afterglow_email_events_daily();
--> statement-breakpoint
-- Conversions and revenue on the day the order was placed, on the step credited.
CREATE FUNCTION afterglow_attributions_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_daily (journey_id, day, version_id, node_id, metric, n)
  SELECT journey_id, day, version_id, node_id, m.metric, sum(m.n)
  FROM (SELECT journey_id, (placed_at AT TIME ZONE 'UTC')::date AS day, version_id, node_id, revenue FROM attributed) a
  CROSS JOIN LATERAL (VALUES ('conversions', 1::numeric), ('revenue', a.revenue)) AS m(metric, n)
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (journey_id, day, version_id, node_id, metric) DO UPDATE SET n = journey_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER order_attributions_daily AFTER INSERT ON order_attributions
  REFERENCING NEW TABLE AS attributed FOR EACH STATEMENT EXECUTE FUNCTION afterglow_attributions_daily();
