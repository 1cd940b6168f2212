CREATE TABLE "run_walks" (
	"run_id" uuid NOT NULL,
	"first_step" integer NOT NULL,
	"workspace_id" text NOT NULL,
	"version_id" text NOT NULL,
	"steps" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_walks_run_id_first_step_pk" PRIMARY KEY("run_id","first_step")
);
--> statement-breakpoint
-- Steps recorded so far become walks of one step each.
INSERT INTO "run_walks" ("run_id", "first_step", "workspace_id", "version_id", "steps", "at")
SELECT "run_id", "step_no", "workspace_id", "version_id",
  jsonb_build_array(jsonb_build_object('node', "node_id", 'outcome', "outcome")
    || CASE WHEN "branch" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('branch', "branch") END
    || CASE WHEN "detail" IS NULL OR "detail" = 'null'::jsonb THEN '{}'::jsonb ELSE jsonb_build_object('detail', "detail") END),
  "at"
FROM "run_steps";--> statement-breakpoint
DROP TABLE "run_steps" CASCADE;--> statement-breakpoint
-- The steps one per row, as they were stored before walks.
CREATE VIEW "run_steps" AS
SELECT w."run_id", w."first_step" + s.ord::int - 1 AS "step_no", w."workspace_id", w."version_id",
  s.step ->> 'node' AS "node_id", s.step ->> 'outcome' AS "outcome", s.step ->> 'branch' AS "branch",
  s.step -> 'detail' AS "detail", w."at"
FROM "run_walks" w CROSS JOIN LATERAL jsonb_array_elements(w."steps") WITH ORDINALITY AS s(step, ord);--> statement-breakpoint
DROP INDEX "journey_runs_customer_idx";--> statement-breakpoint
DROP INDEX "journey_runs_entry_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "journey_runs_entry_uq" ON "journey_runs" USING btree ("workspace_id","customer_id","journey_id","entry_key");