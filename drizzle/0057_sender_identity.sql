ALTER TABLE "email_templates" ADD COLUMN "sender" jsonb;--> statement-breakpoint
-- hand-written
-- The sender of one email: the template's own From (when it names an address), else the
-- workspace's default, else p_fallback (the server's sender); Reply-To likewise, else none.
-- One function, so journey emails (engine) and test sends (api) choose alike. Names are
-- validated to carry no quotes or brackets (senderIdentitySchema), so quoting them is enough.
CREATE FUNCTION afterglow_sender(p_workspace text, p_template text, p_fallback text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  WITH layers AS (
    SELECT 1 AS rank, t.sender AS s FROM email_templates t
      WHERE p_template IS NOT NULL AND t.workspace_id = p_workspace AND t.id = p_template
    UNION ALL
    SELECT 2, w.settings->'sender' FROM workspaces w WHERE w.id = p_workspace
  )
  SELECT jsonb_build_object(
    'from', coalesce((
      SELECT CASE WHEN coalesce(s->>'fromName', '') = '' THEN s->>'fromAddress'
                  ELSE '"' || (s->>'fromName') || '" <' || (s->>'fromAddress') || '>' END
      FROM layers WHERE coalesce(s->>'fromAddress', '') <> '' ORDER BY rank LIMIT 1), p_fallback),
    'replyTo', (SELECT s->>'replyTo' FROM layers WHERE coalesce(s->>'replyTo', '') <> '' ORDER BY rank LIMIT 1))
$$;
