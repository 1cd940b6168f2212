-- Custom (not in the drizzle schema): email recommendations ("frequently bought together")
-- find the orders that contain given products; without this index that is a scan of every
-- order item for each batch of emails. The order id is included so the lookup needs no heap.
CREATE INDEX IF NOT EXISTS "order_items_product_idx" ON "order_items" USING btree ("workspace_id","product_id","order_id");
