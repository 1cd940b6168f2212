CREATE TABLE "event_names" (
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"shard" smallint NOT NULL,
	"count" bigint NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "event_names_workspace_id_name_shard_pk" PRIMARY KEY("workspace_id","name","shard")
);
--> statement-breakpoint
-- hand-written: the summary of the events already stored (one scan): counts and times of every
-- track event; keys, types and samples from the latest 10,000 (later events add theirs).
INSERT INTO "event_names" ("workspace_id", "name", "shard", "count", "first_seen_at", "last_seen_at")
SELECT "workspace_id", "name", 0, count(*), min("timestamp"), max("timestamp")
FROM "events" WHERE "type" = 'track' AND "name" IS NOT NULL
GROUP BY "workspace_id", "name";
--> statement-breakpoint
UPDATE "event_names" n SET "properties" = p."properties"
FROM (
  SELECT "workspace_id", "name", jsonb_object_agg("key", "summary") AS "properties" FROM (
    SELECT DISTINCT ON (e."workspace_id", e."name", kv."key") e."workspace_id", e."name", kv."key", jsonb_strip_nulls(jsonb_build_object(
      'type', CASE jsonb_typeof(kv."value") WHEN 'string' THEN
        CASE WHEN kv."value" #>> '{}' ~ '^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$' THEN 'date' ELSE 'string' END
        ELSE jsonb_typeof(kv."value") END,
      'sample', CASE jsonb_typeof(kv."value") WHEN 'string' THEN
        CASE WHEN strpos(kv."value" #>> '{}', '@') = 0 THEN to_jsonb(left(kv."value" #>> '{}', 80)) END
        WHEN 'number' THEN kv."value" WHEN 'boolean' THEN kv."value" END)) AS "summary"
    FROM (SELECT "id", "workspace_id", "name", "properties" FROM "events"
          WHERE "type" = 'track' AND "name" IS NOT NULL AND jsonb_typeof("properties") = 'object' ORDER BY "id" DESC LIMIT 10000) e
    CROSS JOIN LATERAL jsonb_each(e."properties") kv
    WHERE jsonb_typeof(kv."value") <> 'null'
    ORDER BY e."workspace_id", e."name", kv."key", e."id" DESC) latest
  GROUP BY "workspace_id", "name") p
WHERE n."workspace_id" = p."workspace_id" AND n."name" = p."name";
