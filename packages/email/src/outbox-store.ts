// Stores what a dispatch rendered (subject, HTML deflated by the worker: stored-html.ts, text,
// headers, locale, the tracked links' targets) before it is sent: the email that goes out, and
// any resend of it (after a 4xx, or a crash), is exactly what the Outbox page shows, and its
// links resolve from the first click. The batch
// is stored in chunks that grow (one email per SMTP connection, then twice as many, ...), one
// after another on a connection of the pool beside the dispatch's own, so its first emails go
// out while the rest is still being written.
import type { Sql } from '@afterglow/db';
import { SMTP_CONNECTIONS } from './mailer';
import type { ClaimedRow } from './outbox-claim';
import { expectOwned } from './outbox-ownership';
import type { RenderedRow } from './outbox-render';
import { byteaHex, deflateHtml } from './stored-html';

export interface StoredBatch {
  /** Resolves once the row's content is committed (at once for a row with nothing to store). */
  ready(row: ClaimedRow): Promise<void>;
  /** Every chunk written, or failed. */
  settled: Promise<unknown>;
}

export function storeRendered(pool: Sql, owner: number, rows: ClaimedRow[]): StoredBatch {
  const rendered = rows.flatMap((row) => (row.rendered ? [{ row, mail: row.rendered }] : []));
  const byRow = new Map<string, Promise<void>>();
  const chunks: Promise<void>[] = [];
  let previous = Promise.resolve();
  for (let start = 0, size = SMTP_CONNECTIONS; start < rendered.length; start += size, size *= 2) {
    const chunk = rendered.slice(start, start + size);
    // A chunk after a failed one is not written: its rows never become ready.
    previous = previous.then(() => storeChunk(pool, owner, chunk));
    previous.catch(() => {}); // the failure reaches the slots through `ready`
    chunks.push(previous);
    for (const { row } of chunk) byRow.set(row.id, previous);
  }
  return { ready: (row) => byRow.get(row.id) ?? Promise.resolve(), settled: Promise.allSettled(chunks) };
}

async function storeChunk(pool: Sql, owner: number, chunk: { row: ClaimedRow; mail: RenderedRow }[]): Promise<void> {
  const links = chunk.flatMap(({ row, mail }) => mail.links.map((url, idx) => ({ id: row.id, ws: row.workspace_id, idx, url })));
  const [{ n }] = await pool<{ n: number }[]>`
    with stored as (
      update email_outbox as o set subject = r.subject, html_deflated = r.html, text = r.text, headers = r.headers, locale = r.locale
      from unnest(
        ${chunk.map(({ row }) => row.id)}::uuid[],
        ${chunk.map(({ mail }) => mail.subject)}::text[],
        ${chunk.map(({ mail }) => byteaHex(deflateHtml(mail.html)))}::text[]::bytea[],
        ${chunk.map(({ mail }) => mail.text)}::text[],
        ${chunk.map(({ row, mail }) => ({ ...row.headers, ...mail.headers })) as never}::jsonb[],
        ${chunk.map(({ mail }) => mail.locale)}::text[]
      ) as r(id, subject, html, text, headers, locale)
      where o.id = r.id and o.claimed_by = ${owner}
      returning o.id
    ), linked as (
      insert into email_links (workspace_id, outbox_id, idx, url)
      select l.ws, l.id, l.idx, l.url
      from unnest(${links.map((l) => l.ws)}::text[], ${links.map((l) => l.id)}::uuid[],
        ${links.map((l) => l.idx)}::int[], ${links.map((l) => l.url)}::text[]) as l(ws, id, idx, url)
      where l.id in (select id from stored)
    )
    select count(*)::int as n from stored`;
  expectOwned(chunk.length, n);
}
