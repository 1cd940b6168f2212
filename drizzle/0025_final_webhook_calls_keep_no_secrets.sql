-- hand-written:
-- Webhook calls keep their secrets only while pending (the dispatcher now empties them once a
-- call is delivered or failed): calls already final give theirs up here, header names kept.
-- Pending calls, and every other stored secret, are sealed by the start-up pass (AFTERGLOW_SECRET_KEY).
UPDATE "webhook_outbox" SET
  "headers" = (SELECT coalesce(jsonb_object_agg("name", ''), '{}'::jsonb) FROM jsonb_object_keys("headers") AS "name"),
  "signing_secret" = NULL
WHERE "status" <> 'pending' AND ("signing_secret" IS NOT NULL OR "headers" <> '{}'::jsonb);
