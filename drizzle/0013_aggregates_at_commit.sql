CREATE TABLE "order_aggregates_flush" (
	"xid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_aggregates_pending" (
	"xid" bigint NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	CONSTRAINT "order_aggregates_pending_xid_workspace_id_customer_id_pk" PRIMARY KEY("xid","workspace_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "segment_dirty_customers" DROP CONSTRAINT "segment_dirty_customers_workspace_id_customer_id_pk";