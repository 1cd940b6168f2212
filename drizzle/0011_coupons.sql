CREATE TABLE "coupons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"code" text NOT NULL,
	"customer_id" text NOT NULL,
	"journey_id" text,
	"version_id" text,
	"run_id" uuid,
	"node_id" text,
	"effect_key" text,
	"kind" text NOT NULL,
	"value" numeric(12, 2) NOT NULL,
	"min_order_total" numeric(12, 2) DEFAULT 0 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_order_id" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_code_uq" ON "coupons" USING btree ("workspace_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_effect_uq" ON "coupons" USING btree ("workspace_id","effect_key") WHERE effect_key is not null;--> statement-breakpoint
CREATE INDEX "coupons_customer_idx" ON "coupons" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "coupons_version_node_idx" ON "coupons" USING btree ("version_id","node_id");