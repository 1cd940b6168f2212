CREATE TABLE "simulations" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version_id" text,
	"draft_revision" text,
	"plan" jsonb NOT NULL,
	"spec" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"error" text,
	"result" jsonb,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "simulations_journey_idx" ON "simulations" USING btree ("journey_id","created_at");--> statement-breakpoint
CREATE INDEX "simulations_queue_idx" ON "simulations" USING btree ("created_at") WHERE status in ('queued', 'running');