CREATE TABLE "customers" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"email" text,
	"first_name" text,
	"last_name" text,
	"birthday" date,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"marketing_consent" boolean DEFAULT true NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"customer_id" text,
	"anonymous_id" text,
	"name" text,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "loyalty_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"effect_key" text,
	"run_id" uuid,
	"node_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"workspace_id" text NOT NULL,
	"order_id" text NOT NULL,
	"line" integer NOT NULL,
	"customer_id" text NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"brand" text,
	"price" numeric(12, 2) NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "order_items_workspace_id_order_id_line_pk" PRIMARY KEY("workspace_id","order_id","line")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"status" text DEFAULT 'placed' NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"total" numeric(12, 2) NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"sku" text,
	"name" text NOT NULL,
	"category" text,
	"brand" text,
	"price" numeric(12, 2) DEFAULT 0 NOT NULL,
	"image_url" text,
	"url" text,
	CONSTRAINT "products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"signing_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version_id" text NOT NULL,
	"entry_key" text NOT NULL,
	"status" text NOT NULL,
	"node_id" text NOT NULL,
	"due_at" timestamp with time zone,
	"wait" jsonb,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"step_count" integer DEFAULT 0 NOT NULL,
	"exit_reason" text,
	"last_error" text,
	"entered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"journey_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"version" integer NOT NULL,
	"graph" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"draft" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_steps" (
	"run_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"workspace_id" text NOT NULL,
	"version_id" text NOT NULL,
	"node_id" text NOT NULL,
	"outcome" text NOT NULL,
	"branch" text,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_steps_run_id_step_no_pk" PRIMARY KEY("run_id","step_no")
);
--> statement-breakpoint
CREATE TABLE "dev_mailbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text,
	"from_address" text NOT NULL,
	"to_addresses" jsonb NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"html" text,
	"text" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raw" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"effect_key" text NOT NULL,
	"customer_id" text NOT NULL,
	"run_id" uuid,
	"journey_id" text,
	"version_id" text,
	"node_id" text,
	"kind" text DEFAULT 'marketing' NOT NULL,
	"to_address" text NOT NULL,
	"from_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"message_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'marketer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD CONSTRAINT "ingest_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree ("workspace_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "events_message_uq" ON "events" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE INDEX "events_customer_idx" ON "events" USING btree ("workspace_id","customer_id","timestamp");--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_keys_hash_uq" ON "ingest_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_effect_uq" ON "loyalty_ledger" USING btree ("workspace_id","effect_key") WHERE effect_key is not null;--> statement-breakpoint
CREATE INDEX "loyalty_customer_idx" ON "loyalty_ledger" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "order_items_customer_idx" ON "order_items" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("workspace_id","customer_id","placed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_runs_entry_uq" ON "journey_runs" USING btree ("workspace_id","journey_id","customer_id","entry_key");--> statement-breakpoint
CREATE INDEX "journey_runs_due_idx" ON "journey_runs" USING btree ("due_at") WHERE status in ('active', 'waiting');--> statement-breakpoint
CREATE INDEX "journey_runs_version_node_idx" ON "journey_runs" USING btree ("version_id","node_id","status");--> statement-breakpoint
CREATE INDEX "journey_runs_customer_idx" ON "journey_runs" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_versions_uq" ON "journey_versions" USING btree ("journey_id","version");--> statement-breakpoint
CREATE INDEX "journeys_ws_idx" ON "journeys" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "run_steps_version_node_idx" ON "run_steps" USING btree ("version_id","node_id");--> statement-breakpoint
CREATE INDEX "dev_mailbox_received_idx" ON "dev_mailbox" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_effect_uq" ON "email_outbox" USING btree ("workspace_id","effect_key");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_version_node_idx" ON "email_outbox" USING btree ("version_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));