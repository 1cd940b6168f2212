-- hand-written:
-- Call webhook steps queue their calls as service effects (service 'core/webhook') since this
-- version. Calls still pending move over unchanged: the same effect key (so a resend carries the
-- same Idempotency-Key), attempts, due time and last error; the payload is built from the
-- columns, the header values and the signing secret copied as they are stored (sealed by the
-- same SecretBox, as the service's secret payload fields are). Delivered, failed and cancelled
-- calls are kept only as the counters they already added (journey_node_counts, since 0031).
-- The table is dropped after the move (drizzle-kit's DROP, placed here so it runs second).
INSERT INTO service_effects (workspace_id, service_id, effect_key, run_id, journey_id, version_id, node_id, customer_id,
  payload, status, attempts, next_attempt_at, last_error, created_at)
SELECT w.workspace_id, 'core/webhook', w.effect_key, w.run_id, w.journey_id, w.version_id, w.node_id, w.customer_id,
  jsonb_build_object('url', w.url, 'method', w.method, 'body', w.body,
    'headers', coalesce((SELECT jsonb_agg(jsonb_build_object('name', h.key, 'value', h.value) ORDER BY h.key)
      FROM jsonb_each_text(w.headers) h), '[]'::jsonb))
    || CASE WHEN w.signing_secret IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('signingSecret', w.signing_secret) END,
  'pending', w.attempts, w.next_attempt_at, w.last_error, w.created_at
FROM webhook_outbox w
WHERE w.status = 'pending'
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "webhook_outbox" CASCADE;
