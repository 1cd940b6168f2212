CREATE TABLE "conversions" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"event_message_id" text NOT NULL,
	"event_name" text NOT NULL,
	"revenue" numeric(12, 2),
	"currency" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "journeys" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "conversions_journey_idx" ON "conversions" USING btree ("journey_id","at");