// The weekly digest: each Monday from 08:00 in the shop's time zone, every owner, admin and manager
// who turned it on (users.weekly_digest) gets the past week's figures (the dashboard's, from its
// rollups) and a link to the dashboard, in their own language. It goes through the transactional
// path (the outbox, kind 'transactional': no unsubscribe link or tracking, never suppressed as
// marketing), under the key digest:<user>:<Monday>, so however often the job runs and on however
// many workers, each user gets each week's digest once.
import { dashboardFigures, type Sql } from '@afterglow/db';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@afterglow/i18n';
import { dueMonday, validTimeZone, weekBefore } from './local-week';
import { digestEmail } from './compose';

interface Recipient { userId: string; email: string; name: string; locale: string | null }
interface Workspace { id: string; name: string; shop: { timeZone?: unknown; locale?: unknown; currency?: unknown } | null; recipients: Recipient[] }

export const DIGEST_FROM = 'Afterglow <team@afterglow.local>';

/** Queues the digests due at `now`; returns how many were queued (already queued ones are not counted). */
export async function sendWeeklyDigests(sql: Sql, now: Date, publicUrl: () => string): Promise<number> {
  const workspaces = await sql<Workspace[]>`
    select w.id, w.name, w.settings->'shop' as shop,
      json_agg(json_build_object('userId', u.id, 'email', u.email, 'name', u.name, 'locale', u.locale) order by u.id) as recipients
    from users u join workspaces w on w.id = u.workspace_id
    where u.weekly_digest and u.role in ('owner', 'admin', 'manager')
    group by w.id`;
  let queued = 0;
  for (const w of workspaces) {
    const monday = dueMonday(now, validTimeZone(w.shop?.timeZone));
    if (!monday) continue;
    const keys = w.recipients.map((r) => `digest:${r.userId}:${monday}`);
    const [{ missing }] = await sql<{ missing: number }[]>`
      select count(*)::int as missing from unnest(${sql.array(keys)}::text[]) k
      where not exists (select 1 from email_outbox o where o.workspace_id = ${w.id} and o.effect_key = k)`;
    if (missing === 0) continue;
    const week = weekBefore(monday);
    const figures = await dashboardFigures(sql, w.id, { ...week, bucket: 'day' }, now, false);
    const shopLocale: Locale = isLocale(w.shop?.locale) ? w.shop.locale : DEFAULT_LOCALE;
    const currency = typeof w.shop?.currency === 'string' ? w.shop.currency : 'EUR';
    for (const r of w.recipients) {
      const locale = isLocale(r.locale) ? r.locale : shopLocale;
      const mail = digestEmail({ locale, shop: w.name, name: r.name || r.email, week, figures, currency, dashboardUrl: `${publicUrl()}/dashboard` });
      const inserted = await sql`
        insert into email_outbox (workspace_id, effect_key, customer_id, kind, to_address, from_address, subject, html, text,
          message_id, headers, locale, next_attempt_at, created_at)
        values (${w.id}, ${`digest:${r.userId}:${monday}`}, '', 'transactional', ${r.email}, ${DIGEST_FROM}, ${mail.subject},
          ${mail.html}, ${mail.text}, ${`<digest.${r.userId}.${monday}@afterglow>`}, ${sql.json({ 'X-Afterglow-Kind': 'transactional' })},
          ${locale}, ${now}, ${now})
        on conflict (workspace_id, effect_key) do nothing`;
      queued += inserted.count;
    }
  }
  return queued;
}
