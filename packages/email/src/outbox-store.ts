// Claims a dispatch's rows and stores what it rendered for them, in one UPDATE inside the claim's
// transaction (outbox-claim.ts): every row gets the dispatch's owner key; a row rendered in this
// batch also gets its subject, HTML (deflated by the worker: stored-html.ts), text, headers and
// locale, and its tracked links' targets go to email_links. So the email that goes out, and any
// resend of it (after a 4xx, or a crash), is exactly what was stored, and its links resolve from
// the first click. A statement run on any session but the one holding the owner key's lock (a
// reconnected connection) writes nothing, and the claim fails.
import { pgArray } from '@afterglow/db';
import type { ClaimedRow } from './outbox-claim';
import { expectOwned, type DispatchSession } from './outbox-ownership';
import { deflateHtml } from './stored-html';

export async function claimAndStore(session: DispatchSession, rows: ClaimedRow[]): Promise<void> {
  const { sql, owner, pid } = session;
  const links = rows.flatMap((row) => (row.rendered?.links ?? []).map((url, idx) => ({ id: row.id, ws: row.workspace_id, idx, url })));
  const mail = <T extends string>(pick: (row: ClaimedRow, rendered: NonNullable<ClaimedRow['rendered']>) => T) =>
    pgArray(rows.map((row) => (row.rendered ? pick(row, row.rendered) : null)));
  // The deflated HTML of the whole batch goes as one bytea (decoded in one pass, where an array
  // of them would be parsed character by character), each row's its slice of it.
  const html = rows.map((row) => (row.rendered ? deflateHtml(row.rendered.html) : null));
  const offsets: (number | null)[] = [];
  let at = 1;
  for (const bytes of html) {
    offsets.push(bytes ? at : null);
    at += bytes?.length ?? 0;
  }
  const [{ n }] = await sql<{ n: number }[]>`
    with claimed as (
      update email_outbox as o set claimed_by = ${owner},
        subject = case when r.rendered then r.subject else o.subject end,
        html_deflated = case when r.rendered then substring(${Buffer.concat(html.filter((b) => b !== null))}::bytea from r.html_at for r.html_length)
          else o.html_deflated end,
        text = case when r.rendered then r.text else o.text end,
        headers = case when r.rendered then r.headers else o.headers end,
        locale = case when r.rendered then r.locale else o.locale end
      from unnest(
        ${pgArray(rows.map((row) => row.id))}::uuid[],
        ${pgArray(rows.map((row) => row.rendered !== undefined))}::boolean[],
        ${mail((_, m) => m.subject)}::text[],
        ${pgArray(offsets)}::int[],
        ${pgArray(html.map((b) => b?.length ?? null))}::int[],
        ${mail((_, m) => m.text)}::text[],
        ${mail((row, m) => JSON.stringify({ ...row.headers, ...m.headers }))}::jsonb[],
        ${mail((_, m) => m.locale)}::text[]
      ) as r(id, rendered, subject, html_at, html_length, text, headers, locale)
      where o.id = r.id and o.claimed_by is null and pg_backend_pid() = ${pid}
      returning o.id
    ), linked as (
      insert into email_links (workspace_id, outbox_id, idx, url)
      select l.ws, l.id, l.idx, l.url
      from unnest(${pgArray(links.map((l) => l.ws))}::text[], ${pgArray(links.map((l) => l.id))}::uuid[],
        ${pgArray(links.map((l) => l.idx))}::int[], ${pgArray(links.map((l) => l.url))}::text[]) as l(ws, id, idx, url)
      where l.id in (select id from claimed)
    )
    select count(*)::int as n from claimed`;
  expectOwned(rows.length, n);
}
