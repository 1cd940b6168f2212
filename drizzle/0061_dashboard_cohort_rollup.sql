CREATE TABLE "repeat_cohort_counts" (
	"workspace_id" text NOT NULL,
	"month" date NOT NULL,
	"repeat_within" smallint NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "repeat_cohort_counts_workspace_id_month_repeat_within_pk" PRIMARY KEY("workspace_id","month","repeat_within")
);
--> statement-breakpoint
-- hand-written:
-- repeat_cohort_counts, the rollup the dashboard's repeat-purchase cohorts read instead of one
-- row per cohort customer (docs/analytics.md#the-workspace-dashboard). It counts the rows of
-- customer_order_stats by cell, so it is kept by statement triggers on that table: every path
-- that writes it (new orders' increments, 0016/0060; the rebuild at commit after a cancel,
-- refund, deleted order or moved placed_at, 0014/0060; erasure, 0027) moves each changed
-- customer out of their old cell and into their new one. A third order changes no cell and
-- writes nothing. Each statement upserts its cells in key order (as workspace_daily's, 0056).
--
-- A customer's cell: the UTC month of their first order, and the fewest months k (1..12) such
-- that their second order came at or before the first plus k months (UTC calendar months, as
-- Postgres adds them: 31 January + 1 month is the end of February); 0 when there is no second
-- order within 12 months, or none yet. The first plus d months, d the calendar months between
-- the two, falls in the second's month, so k is d or d + 1. In PL/pgSQL: this costs ~3 µs a row
-- where a SQL function with sub-selects (never inlined) cost ~35 µs.
CREATE FUNCTION afterglow_repeat_within(first_at timestamptz, second_at timestamptz) RETURNS smallint
LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  f timestamp := first_at AT TIME ZONE 'UTC';
  s timestamp := second_at AT TIME ZONE 'UTC';
  d int := (date_part('year', s) - date_part('year', f)) * 12 + date_part('month', s) - date_part('month', f);
BEGIN
  IF s > f + make_interval(months => d) THEN d := d + 1; END IF;
  RETURN CASE WHEN d BETWEEN 1 AND 12 THEN d ELSE 0 END;
END $fn$;
--> statement-breakpoint
CREATE FUNCTION afterglow_order_stats_cohorts() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO repeat_cohort_counts AS r (workspace_id, month, repeat_within, customers)
      SELECT workspace_id, date_trunc('month', first_order_at AT TIME ZONE 'UTC')::date,
        afterglow_repeat_within(first_order_at, second_order_at), count(*)
      FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, month, repeat_within) DO UPDATE SET customers = r.customers + excluded.customers;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO repeat_cohort_counts AS r (workspace_id, month, repeat_within, customers)
      SELECT workspace_id, date_trunc('month', first_order_at AT TIME ZONE 'UTC')::date,
        afterglow_repeat_within(first_order_at, second_order_at), -count(*)
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, month, repeat_within) DO UPDATE SET customers = r.customers + excluded.customers;
  ELSE
    -- Out of the old cell, into the new: the cells whose count does not change are left alone.
    INSERT INTO repeat_cohort_counts AS r (workspace_id, month, repeat_within, customers)
      SELECT workspace_id, date_trunc('month', first_at AT TIME ZONE 'UTC')::date, afterglow_repeat_within(first_at, second_at), sum(n)
      FROM (SELECT workspace_id, first_order_at AS first_at, second_order_at AS second_at, 1 AS n FROM new_rows
        UNION ALL SELECT workspace_id, first_order_at, second_order_at, -1 FROM old_rows) moved
      GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, month, repeat_within) DO UPDATE SET customers = r.customers + excluded.customers;
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
-- Created before the backfill: they lock customer_order_stats against writers until the
-- migration commits, so no change falls between the backfill's snapshot and the triggers.
CREATE TRIGGER customer_order_stats_cohorts_insert AFTER INSERT ON customer_order_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_stats_cohorts();
--> statement-breakpoint
CREATE TRIGGER customer_order_stats_cohorts_update AFTER UPDATE ON customer_order_stats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_stats_cohorts();
--> statement-breakpoint
CREATE TRIGGER customer_order_stats_cohorts_delete AFTER DELETE ON customer_order_stats
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION afterglow_order_stats_cohorts();
--> statement-breakpoint
-- Existing customers, once, set-based.
INSERT INTO repeat_cohort_counts (workspace_id, month, repeat_within, customers)
SELECT workspace_id, date_trunc('month', first_order_at AT TIME ZONE 'UTC')::date,
  afterglow_repeat_within(first_order_at, second_order_at), count(*)
FROM customer_order_stats GROUP BY 1, 2, 3;
