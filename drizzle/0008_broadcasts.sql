CREATE TABLE "broadcasts" (
	"version_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"enrolled" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
