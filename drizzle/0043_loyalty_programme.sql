CREATE TABLE "loyalty_members" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"tier_id" text,
	"tier_changed_at" timestamp with time zone,
	"milestone" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone,
	"expiry_reminded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_members_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD COLUMN "kind" text DEFAULT 'grant' NOT NULL;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD COLUMN "order_id" text;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD COLUMN "reward_id" text;--> statement-breakpoint
ALTER TABLE "loyalty_ledger" ADD COLUMN "coupon_id" uuid;