ALTER TABLE "loyalty_members" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "loyalty_members_unreminded_idx" ON "loyalty_members" USING btree ("workspace_id","last_activity_at") WHERE expiry_reminded_at is null;--> statement-breakpoint
CREATE INDEX "loyalty_members_expires_idx" ON "loyalty_members" USING btree ("workspace_id","expires_at") WHERE expires_at is not null;--> statement-breakpoint
-- hand-written: every ledger entry but an expiry is activity, whoever writes it (a Grant points
-- step, an order's points, a redemption, staff): one upsert per inserting statement moves the
-- member's last_activity_at forward, and a move starts a new quiet spell (no reminder sent yet,
-- no expiry announced). Members are taken in key order so concurrent inserts lock them alike.
CREATE FUNCTION "loyalty_note_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "loyalty_members" AS m ("workspace_id", "customer_id", "last_activity_at", "updated_at")
  SELECT "workspace_id", "customer_id", max("created_at"), max("created_at") FROM "new_entries"
  WHERE "kind" <> 'expire'
  GROUP BY "workspace_id", "customer_id" ORDER BY "workspace_id", "customer_id"
  ON CONFLICT ("workspace_id", "customer_id") DO UPDATE SET
    "last_activity_at" = greatest(m."last_activity_at", excluded."last_activity_at"),
    "expiry_reminded_at" = CASE WHEN m."last_activity_at" >= excluded."last_activity_at" THEN m."expiry_reminded_at" END,
    "expires_at" = CASE WHEN m."last_activity_at" >= excluded."last_activity_at" THEN m."expires_at" END,
    "updated_at" = greatest(m."updated_at", excluded."updated_at");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "loyalty_ledger_activity" AFTER INSERT ON "loyalty_ledger"
  REFERENCING NEW TABLE AS "new_entries" FOR EACH STATEMENT EXECUTE FUNCTION "loyalty_note_activity"();
--> statement-breakpoint
-- hand-written: the members' last activity as the ledger already tells it.
INSERT INTO "loyalty_members" AS m ("workspace_id", "customer_id", "last_activity_at", "updated_at")
SELECT "workspace_id", "customer_id", max("created_at"), max("created_at") FROM "loyalty_ledger"
WHERE "kind" <> 'expire'
GROUP BY "workspace_id", "customer_id"
ON CONFLICT ("workspace_id", "customer_id") DO UPDATE SET
  "last_activity_at" = greatest(m."last_activity_at", excluded."last_activity_at");
