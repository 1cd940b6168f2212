ALTER TABLE "customers" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags");--> statement-breakpoint
-- hand-written: Shopify's customer tags, kept until now as the attribute shopify_tags (comma-separated), become tags.
UPDATE "customers" SET
  "tags" = array(SELECT t FROM unnest(string_to_array("attributes" ->> 'shopify_tags', ',')) WITH ORDINALITY u(raw, n)
    CROSS JOIN LATERAL (SELECT btrim(raw) AS t) b WHERE t <> '' GROUP BY t ORDER BY min(n)),
  "attributes" = "attributes" - 'shopify_tags'
WHERE "attributes" ? 'shopify_tags' AND jsonb_typeof("attributes" -> 'shopify_tags') = 'string';
