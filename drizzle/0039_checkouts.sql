CREATE TABLE "checkouts" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"abandoned_at" timestamp with time zone,
	CONSTRAINT "checkouts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "checkouts_open_idx" ON "checkouts" USING btree ("workspace_id","updated_at") WHERE completed_at is null and abandoned_at is null;--> statement-breakpoint
CREATE INDEX "checkouts_customer_idx" ON "checkouts" USING btree ("workspace_id","customer_id");