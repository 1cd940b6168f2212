CREATE TABLE "service_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"service_id" text NOT NULL,
	"effect_key" text NOT NULL,
	"run_id" uuid,
	"journey_id" text,
	"version_id" text,
	"node_id" text,
	"customer_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"marketing" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"external_id" text,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_settings" (
	"workspace_id" text NOT NULL,
	"service_id" text NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "service_settings_workspace_id_service_id_pk" PRIMARY KEY("workspace_id","service_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "service_effects_effect_uq" ON "service_effects" USING btree ("workspace_id","effect_key");--> statement-breakpoint
CREATE INDEX "service_effects_due_idx" ON "service_effects" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "service_effects_external_uq" ON "service_effects" USING btree ("service_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "service_effects_marketing_idx" ON "service_effects" USING btree ("workspace_id","customer_id","created_at") WHERE marketing;--> statement-breakpoint
CREATE INDEX "service_effects_customer_idx" ON "service_effects" USING btree ("workspace_id","customer_id");