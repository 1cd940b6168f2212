ALTER TABLE "email_suppressions" ADD COLUMN "report" jsonb;--> statement-breakpoint
-- hand-written: the dashboard counts hard and soft bounces apart (bounced_hard, bounced_soft),
-- beside every bounce (bounced), each email once on the day of its first bounce, hard or soft as
-- that bounce was when it was stored (email_events.soft; lifting a suppression clears it later).
CREATE OR REPLACE FUNCTION afterglow_email_events_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_daily (workspace_id, day, metric, n)
  SELECT f.workspace_id, f.day, f.metric, count(*) FROM (
    SELECT n.workspace_id, (n.at AT TIME ZONE 'UTC')::date AS day, m.metric
    FROM stored n CROSS JOIN LATERAL (VALUES
      (CASE n.type WHEN 'bounce' THEN 'bounced' WHEN 'complaint' THEN 'complained' ELSE 'unsubscribed' END),
      (CASE WHEN n.type <> 'bounce' THEN NULL WHEN n.soft THEN 'bounced_soft' ELSE 'bounced_hard' END)) AS m(metric)
    WHERE n.type IN ('bounce', 'complaint', 'unsubscribe') AND NOT n.bot AND m.metric IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM email_events e WHERE e.workspace_id = n.workspace_id AND e.outbox_id = n.outbox_id
        AND e.type = n.type AND NOT e.bot AND (e.at, e.id) < (n.at, n.id))
  ) f
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Bounces before this migration, once: hard or soft by their stored flag (a soft bounce whose
-- suppression was since lifted reads as hard; the reason code is kept, the flag was cleared).
INSERT INTO workspace_daily (workspace_id, day, metric, n)
SELECT workspace_id, (at AT TIME ZONE 'UTC')::date, CASE WHEN soft THEN 'bounced_soft' ELSE 'bounced_hard' END, count(*)
FROM (SELECT DISTINCT ON (workspace_id, outbox_id) workspace_id, soft, at FROM email_events
  WHERE type = 'bounce' AND NOT bot ORDER BY workspace_id, outbox_id, at, id) first_bounces
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (workspace_id, day, metric) DO UPDATE SET n = workspace_daily.n + excluded.n;
--> statement-breakpoint
-- The email steps' counters likewise (hard_bounces, soft_bounces beside bounces).
INSERT INTO journey_node_counts (version_id, node_id, metric, n)
SELECT version_id, node_id, CASE WHEN soft THEN 'soft_bounces' ELSE 'hard_bounces' END, count(*)
FROM (SELECT DISTINCT ON (workspace_id, outbox_id) version_id, node_id, soft FROM email_events
  WHERE type = 'bounce' AND NOT bot AND version_id IS NOT NULL AND node_id IS NOT NULL ORDER BY workspace_id, outbox_id, at, id) first_bounces
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (version_id, node_id, metric) DO UPDATE SET n = journey_node_counts.n + excluded.n;
