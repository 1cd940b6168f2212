CREATE TABLE "customer_aliases" (
	"workspace_id" text NOT NULL,
	"alias_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_aliases_workspace_id_alias_id_pk" PRIMARY KEY("workspace_id","alias_id")
);
--> statement-breakpoint
CREATE TABLE "shopify_connections" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"shop_domain" text,
	"webhook_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_receipts" (
	"workspace_id" text NOT NULL,
	"source" text NOT NULL,
	"webhook_id" text NOT NULL,
	"topic" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_receipts_workspace_id_source_webhook_id_pk" PRIMARY KEY("workspace_id","source","webhook_id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "sku" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "image_url" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "product_url" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "content_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "events_anonymous_idx" ON "events" USING btree ("workspace_id","anonymous_id") WHERE customer_id is null;