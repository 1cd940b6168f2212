CREATE TABLE "customer_addresses" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"address_key" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_addresses_workspace_id_customer_id_address_key_pk" PRIMARY KEY("workspace_id","customer_id","address_key")
);
--> statement-breakpoint
CREATE TABLE "referral_codes" (
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_codes_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"workspace_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"referrer_id" text NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"order_id" text,
	"recognised_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "referrals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "referrals_state_ck" CHECK ("referrals"."state" in ('pending', 'completed', 'refused')),
	CONSTRAINT "referrals_reason_ck" CHECK (("referrals"."state" = 'refused') = ("referrals"."reason" is not null))
);
--> statement-breakpoint
CREATE INDEX "customer_addresses_key_idx" ON "customer_addresses" USING btree ("workspace_id","address_key");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_codes_code_uq" ON "referral_codes" USING btree ("workspace_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_friend_uq" ON "referrals" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("workspace_id","referrer_id");--> statement-breakpoint
CREATE INDEX "referrals_pending_idx" ON "referrals" USING btree ("workspace_id","recognised_at") WHERE state = 'pending';--> statement-breakpoint
-- hand-written: a fresh code per call (volatile: evaluated per row of a set-based insert).
-- 8 characters of 31 (no 0/O/1/I/L, which readers confuse): 31^8 ≈ 8.5e11 codes per workspace.
CREATE OR REPLACE FUNCTION referral_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + floor(random() * 31)::int, 1), '') FROM generate_series(1, 8)
$$;
