CREATE TABLE "journey_place_deltas" (
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_places" (
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"status" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "journey_places_version_id_node_id_status_pk" PRIMARY KEY("version_id","node_id","status")
);
--> statement-breakpoint
DROP INDEX "journey_runs_version_node_idx";--> statement-breakpoint
-- Every statement that moves runs (enrols, steps, ends, retries or deletes them) appends its net
-- moves per (version, node, status): one row per place touched, not per run, and no row lock
-- held, so concurrent engine batches never wait on each other here. The engine folds the deltas
-- into journey_places after each sweep (foldPlaceDeltas).
CREATE FUNCTION afterglow_runs_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO journey_place_deltas (version_id, node_id, status, n)
    SELECT version_id, node_id, status, count(*) FROM moved_in GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO journey_place_deltas (version_id, node_id, status, n)
    SELECT version_id, node_id, status, -count(*) FROM moved_out GROUP BY 1, 2, 3;
  ELSE
    -- Updates that leave runs where they were (a wake, a coupon code) cancel out: no row.
    INSERT INTO journey_place_deltas (version_id, node_id, status, n)
    SELECT version_id, node_id, status, sum(n) FROM (
      SELECT version_id, node_id, status, 1 AS n FROM moved_in
      UNION ALL
      SELECT version_id, node_id, status, -1 FROM moved_out) m
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER journey_runs_places_ins AFTER INSERT ON journey_runs
  REFERENCING NEW TABLE AS moved_in FOR EACH STATEMENT EXECUTE FUNCTION afterglow_runs_moved();
--> statement-breakpoint
CREATE TRIGGER journey_runs_places_upd AFTER UPDATE ON journey_runs
  REFERENCING OLD TABLE AS moved_out NEW TABLE AS moved_in FOR EACH STATEMENT EXECUTE FUNCTION afterglow_runs_moved();
--> statement-breakpoint
CREATE TRIGGER journey_runs_places_del AFTER DELETE ON journey_runs
  REFERENCING OLD TABLE AS moved_out FOR EACH STATEMENT EXECUTE FUNCTION afterglow_runs_moved();
--> statement-breakpoint
-- The runs already there, counted once (the triggers above hold writers off until commit).
INSERT INTO journey_places (version_id, node_id, status, n)
SELECT version_id, node_id, status, count(*) FROM journey_runs GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Points granted by each step so far; from now on the engine counts them as it grants them.
INSERT INTO journey_node_counts (version_id, node_id, metric, n)
SELECT r.version_id, l.node_id, 'points', sum(l.points)
FROM loyalty_ledger l JOIN journey_runs r ON r.id = l.run_id
WHERE l.node_id IS NOT NULL
GROUP BY 1, 2
ON CONFLICT (version_id, node_id, metric) DO UPDATE SET n = journey_node_counts.n + excluded.n;
--> statement-breakpoint
-- Where runs are now: the folded counts plus the moves not folded yet.
CREATE VIEW "journey_places_now" AS
SELECT version_id, node_id, status, sum(n)::bigint AS n
FROM (SELECT version_id, node_id, status, n FROM journey_places
      UNION ALL
      SELECT version_id, node_id, status, n FROM journey_place_deltas) p
GROUP BY 1, 2, 3;
