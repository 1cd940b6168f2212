// "Send a test email": the rendered template goes through the real outbox and mailer, like
// any journey email, but marked as a test (kind 'test', "[Test]" subject, a header) so it
// is never counted in a journey's or template's statistics.
import type { Queryable } from '@afterglow/db';
import type { RenderedEmail } from '@afterglow/email';
import { randomUUID } from 'node:crypto';

export const TEST_FROM_ADDRESS = 'Afterglow Demo Shop <shop@afterglow.local>';

export async function queueTestEmail(sql: Queryable, opts: {
  workspaceId: string; customerId: string; to: string; email: RenderedEmail; templateId: string | null; now: Date;
  /** The variant the test shows. */
  locale: string;
}): Promise<{ outboxId: string }> {
  const id = randomUUID();
  const headers = { 'X-Afterglow-Test': 'true', ...(opts.templateId ? { 'X-Afterglow-Template': opts.templateId } : {}) };
  // From and Reply-To as a journey email of this template gets them (afterglow_sender).
  await sql`with snd as (select afterglow_sender(${opts.workspaceId}, ${opts.templateId}, ${TEST_FROM_ADDRESS}) as s)
    insert into email_outbox (id, workspace_id, effect_key, customer_id, kind, to_address, from_address,
      subject, html, text, message_id, headers, locale, next_attempt_at, created_at)
    values (${id}, ${opts.workspaceId}, ${`test:${id}`}, ${opts.customerId}, 'test', ${opts.to}, (select s->>'from' from snd),
      ${`[Test] ${opts.email.subject}`}, ${opts.email.html}, ${opts.email.text}, ${`<test.${id}@afterglow>`},
      ${sql.json(headers)}::jsonb || coalesce((select jsonb_build_object('Reply-To', s->>'replyTo') from snd where s->>'replyTo' is not null), '{}'),
      ${opts.locale}, ${opts.now}, ${opts.now})`;
  return { outboxId: id };
}
