CREATE TABLE "calendar_sweeps" (
	"version_id" text NOT NULL,
	"zone" text NOT NULL,
	"day" date NOT NULL,
	"swept_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_sweeps_version_id_zone_day_pk" PRIMARY KEY("version_id","zone","day")
);
