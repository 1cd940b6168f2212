CREATE TABLE "journey_node_counts" (
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"metric" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "journey_node_counts_version_id_node_id_metric_pk" PRIMARY KEY("version_id","node_id","metric")
);
--> statement-breakpoint
DROP INDEX "run_steps_version_node_idx";--> statement-breakpoint
-- Counts of the steps taken before this table existed (same rules as engine/src/node-counts.ts).
INSERT INTO "journey_node_counts" ("version_id", "node_id", "metric", "n")
SELECT s.version_id, s.node_id, m.metric, count(*)
FROM "run_steps" s
CROSS JOIN LATERAL (VALUES
  ('entered', s.outcome NOT IN ('resume', 'retry', 'goal', 'defer')),
  ('branch:' || s.branch, s.branch IS NOT NULL),
  ('held', s.outcome = 'defer'),
  ('capped', coalesce(s.detail ->> 'email', '') LIKE 'skipped: frequency cap%')
) AS m(metric, hit)
WHERE m.hit
GROUP BY 1, 2, 3;
