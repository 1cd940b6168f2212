// The emails of one batch, written with two statements: the distinct requests (content
// addressed, usually one per send node) and the outbox rows naming them. Arrays, not a JSON
// document, carry the rows: Postgres reads them without parsing a document per row.
import { pgArray } from '@afterglow/db';
import type { Fragment, TransactionSql } from 'postgres';
import type { EffectBuffer } from './effects';
import { insertUnlessPresent } from './insert-unless-present';

export async function writeOutbox(tx: TransactionSql, buffer: EffectBuffer, fromAddress: string, now: Date): Promise<void> {
  const rows = buffer.outbox;
  if (rows.length === 0) return;
  // Sorted: batches inserting the same requests side by side take their row locks in one order.
  const contents = [...buffer.contents.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  await tx`
    insert into email_contents (workspace_id, hash, request)
    select * from unnest(${contents.map((c) => c.workspace_id)}::text[], ${contents.map((c) => c.hash)}::text[],
      ${contents.map((c) => c.request) as never}::jsonb[])
    on conflict do nothing`;
  const column = <K extends Exclude<keyof (typeof rows)[number], 'ready'>>(key: K) => pgArray(rows.map((r) => r[key]));
  // The sender (From, Reply-To) is chosen in SQL: the template's, the workspace's, else fromAddress.
  // The Message-ID is stable per effect, so a retried delivery carries the same one.
  const ready = <K extends keyof NonNullable<(typeof rows)[number]['ready']>>(key: K) => pgArray(rows.map((r) => r.ready?.[key] ?? null));
  // The sender is looked up once per distinct (workspace, template) of the batch, not per row:
  // afterglow_sender is a query of its own, and a batch's 500 emails usually share one pair.
  const insert = (via: TransactionSql, onConflict: Fragment) => via`
    with v as (
      select * from unnest(${column('workspace_id')}::text[], ${column('effect_key')}::text[], ${column('customer_id')}::text[],
        ${column('run_id')}::uuid[], ${column('journey_id')}::text[], ${column('version_id')}::text[], ${column('node_id')}::text[],
        ${column('kind')}::text[], ${column('topic')}::text[], ${column('to_address')}::text[], ${column('content_hash')}::text[],
        ${ready('subject')}::text[], ${ready('html')}::text[], ${ready('text')}::text[], ${ready('locale')}::text[],
        ${pgArray(rows.map((r) => r.message_id ?? null))}::text[], ${pgArray(rows.map((r) => r.template_id ?? null))}::text[])
        as v(workspace_id, effect_key, customer_id, run_id, journey_id, version_id, node_id, kind, topic, to_address, content_hash,
          subject, html, text, locale, message_id, template_id)
    ), senders as materialized (
      select p.workspace_id, p.template_id, afterglow_sender(p.workspace_id, p.template_id, ${fromAddress}) as s
      from (select distinct workspace_id, template_id from v) p
    )
    insert into email_outbox (workspace_id, effect_key, customer_id, run_id, journey_id, version_id, node_id, kind,
      to_address, from_address, content_hash, subject, html, text, locale, message_id, headers, next_attempt_at, created_at)
    select v.workspace_id, v.effect_key, v.customer_id, v.run_id, v.journey_id, v.version_id, v.node_id, v.kind,
      v.to_address, snd.s->>'from', v.content_hash, v.subject, v.html, v.text, v.locale,
      coalesce(v.message_id, '<' || v.run_id || '.' || v.node_id || '@afterglow>'),
      jsonb_build_object('X-Afterglow-Kind', v.kind)
        || case when v.topic is null then '{}'::jsonb else jsonb_build_object('X-Afterglow-Topic', v.topic) end
        || case when snd.s->>'replyTo' is null then '{}'::jsonb else jsonb_build_object('Reply-To', snd.s->>'replyTo') end,
      ${now}, ${now}
    from v join senders snd on snd.workspace_id = v.workspace_id and snd.template_id is not distinct from v.template_id
    ${onConflict}`;
  // A row already there (a step acting again after a retried batch's commit) stays as it is: the
  // effect happens once.
  await insertUnlessPresent(tx, insert, tx`on conflict (workspace_id, effect_key) do nothing`);
}
