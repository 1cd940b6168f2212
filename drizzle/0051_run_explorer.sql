CREATE TABLE "journey_node_passes" (
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"node_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"run_id" uuid NOT NULL,
	CONSTRAINT "journey_node_passes_workspace_id_journey_id_node_id_at_run_id_pk" PRIMARY KEY("workspace_id","journey_id","node_id","at","run_id")
);
--> statement-breakpoint
CREATE INDEX "journey_runs_place_idx" ON "journey_runs" USING btree ("journey_id","node_id","due_at","id") WHERE status in ('active', 'waiting', 'failed');--> statement-breakpoint
-- hand-written
-- Each run_walks insert statement adds the steps a run went on from to journey_node_passes, set
-- based: a resume without a branch (a held step run again) and sleeps, holds, retries and errors
-- are not passes. A walk's steps share its time, so a loop turned twice in one walk is one row.
CREATE FUNCTION afterglow_record_node_passes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_node_passes (workspace_id, journey_id, node_id, at, run_id)
  SELECT w.workspace_id, v.journey_id, s.step ->> 'node', w.at, w.run_id
  FROM new_walks w
  JOIN journey_versions v ON v.id = w.version_id
  CROSS JOIN LATERAL jsonb_array_elements(w.steps) AS s(step)
  WHERE s.step ->> 'outcome' IN ('next', 'exit', 'goal') OR (s.step ->> 'outcome' = 'resume' AND s.step ? 'branch')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER run_walks_node_passes AFTER INSERT ON run_walks REFERENCING NEW TABLE AS new_walks
  FOR EACH STATEMENT EXECUTE FUNCTION afterglow_record_node_passes();
--> statement-breakpoint
-- The walks recorded before this migration, once.
INSERT INTO journey_node_passes (workspace_id, journey_id, node_id, at, run_id)
SELECT w.workspace_id, v.journey_id, s.step ->> 'node', w.at, w.run_id
FROM run_walks w
JOIN journey_versions v ON v.id = w.version_id
CROSS JOIN LATERAL jsonb_array_elements(w.steps) AS s(step)
WHERE s.step ->> 'outcome' IN ('next', 'exit', 'goal') OR (s.step ->> 'outcome' = 'resume' AND s.step ? 'branch')
ON CONFLICT DO NOTHING;
