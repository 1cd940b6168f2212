CREATE TABLE "consent_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"action" text NOT NULL,
	"topic" text,
	"source" text NOT NULL,
	"outbox_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_preferences" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"topics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_preferences_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "email_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"version_id" text,
	"node_id" text,
	"type" text NOT NULL,
	"link_idx" integer,
	"bot" boolean DEFAULT false NOT NULL,
	"bot_reason" text,
	"user_agent" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_links" (
	"workspace_id" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"url" text NOT NULL,
	CONSTRAINT "email_links_workspace_id_outbox_id_idx_pk" PRIMARY KEY("workspace_id","outbox_id","idx")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"workspace_id" text NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"outbox_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_suppressions_workspace_id_address_pk" PRIMARY KEY("workspace_id","address")
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "consent_ledger_customer_idx" ON "consent_ledger" USING btree ("workspace_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "email_events_outbox_idx" ON "email_events" USING btree ("workspace_id","outbox_id");--> statement-breakpoint
CREATE INDEX "email_events_version_node_idx" ON "email_events" USING btree ("version_id","node_id","type") WHERE not bot;