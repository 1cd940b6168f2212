DROP INDEX "email_outbox_version_node_idx";--> statement-breakpoint
DROP INDEX "email_events_version_node_idx";--> statement-breakpoint
DROP INDEX "coupons_version_node_idx";--> statement-breakpoint
DROP INDEX "webhook_outbox_version_node_idx";--> statement-breakpoint
CREATE INDEX "email_outbox_queued_idx" ON "email_outbox" USING btree ("version_id","node_id") WHERE status = 'pending';--> statement-breakpoint
-- hand-written:
-- The counters of effects that happened before they were counted as they happen (emails sent,
-- undelivered, suppressed at send time; each email's first open, click, bounce, unsubscribe and
-- complaint, machine ones apart; coupons issued and redeemed; webhook calls delivered and
-- undelivered), from the tables that recorded them, once. 0020 and 0022 counted entries,
-- branches, holds, caps and points; none of those is counted here. An email whose dispatch
-- still holds it (claimed_by set) is counted when that dispatch releases it.
INSERT INTO journey_node_counts (version_id, node_id, metric, n)
SELECT version_id, node_id, metric, sum(n)
FROM (
  SELECT version_id, node_id,
    CASE status WHEN 'sent' THEN 'emails' WHEN 'failed' THEN 'undelivered' ELSE 'suppressed' END AS metric, count(*) AS n
  FROM email_outbox
  WHERE version_id IS NOT NULL AND node_id IS NOT NULL AND claimed_by IS NULL
    AND (status IN ('sent', 'failed') OR (status = 'suppressed' AND last_error IS DISTINCT FROM 'customer erased'))
  GROUP BY 1, 2, 3
  UNION ALL
  SELECT version_id, node_id,
    CASE WHEN person THEN '' ELSE 'machine_' END || CASE type WHEN 'open' THEN 'opens' WHEN 'click' THEN 'clicks'
      WHEN 'bounce' THEN 'bounces' WHEN 'unsubscribe' THEN 'unsubscribes' WHEN 'complaint' THEN 'complaints' END,
    count(*)
  FROM (
    SELECT version_id, node_id, outbox_id, type, bool_or(NOT bot) AS person
    FROM email_events WHERE version_id IS NOT NULL AND node_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ) e
  GROUP BY 1, 2, 3
  UNION ALL
  SELECT c.version_id, c.node_id, m.metric, sum(m.n)
  FROM (SELECT version_id, node_id, count(*) AS issued, count(redeemed_at) AS redeemed
        FROM coupons WHERE version_id IS NOT NULL AND node_id IS NOT NULL GROUP BY 1, 2) c
  CROSS JOIN LATERAL (VALUES ('issued', c.issued), ('redeemed', c.redeemed)) AS m(metric, n)
  GROUP BY 1, 2, 3
  UNION ALL
  SELECT version_id, node_id, CASE status WHEN 'delivered' THEN 'delivered' ELSE 'undelivered' END, count(*)
  FROM webhook_outbox
  WHERE version_id IS NOT NULL AND node_id IS NOT NULL AND status IN ('delivered', 'failed')
  GROUP BY 1, 2, 3
) counted
WHERE metric IS NOT NULL AND n > 0
GROUP BY 1, 2, 3
ON CONFLICT (version_id, node_id, metric) DO UPDATE SET n = journey_node_counts.n + excluded.n;
