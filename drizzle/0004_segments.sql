CREATE TABLE "customer_order_stats" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"order_count" integer NOT NULL,
	"total_spent" numeric(14, 2) NOT NULL,
	"first_order_at" timestamp with time zone NOT NULL,
	"last_order_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_order_stats_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_purchases" (
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_purchases_workspace_id_kind_value_customer_id_pk" PRIMARY KEY("workspace_id","kind","value","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_dirty_customers" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	CONSTRAINT "segment_dirty_customers_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_memberships" (
	"workspace_id" text NOT NULL,
	"segment_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segment_memberships_workspace_id_segment_id_customer_id_pk" PRIMARY KEY("workspace_id","segment_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_refresh_state" (
	"workspace_id" text NOT NULL,
	"segment_id" text NOT NULL,
	"rule_hash" text NOT NULL,
	"full_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segment_refresh_state_workspace_id_segment_id_pk" PRIMARY KEY("workspace_id","segment_id")
);
--> statement-breakpoint
CREATE INDEX "customer_purchases_last_idx" ON "customer_purchases" USING btree ("workspace_id","kind","value","last_at");--> statement-breakpoint
CREATE INDEX "customer_purchases_customer_idx" ON "customer_purchases" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "segment_memberships_customer_idx" ON "segment_memberships" USING btree ("workspace_id","customer_id");