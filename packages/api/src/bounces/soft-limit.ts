// The soft-bounce policy: an address is suppressed (reason 'soft_bounce', marketing only, like a
// complaint) once it has soft-bounced softLimit times within softWindowDays with no delivery in
// between. A delivery is an email to the address that was sent and has not bounced; the soft
// bounces counted are those reported after the last one. One statement, time from the caller's clock.
// The suppression keeps the report that reached the limit.
import { bounceSettingsSection, type Queryable, type SuppressionReport } from '@afterglow/db';
import { bounceSettingsSchema } from '@afterglow/journey-core';

export interface SoftBounceTally { count: number; days: number; reasons: Record<string, number> }

export async function suppressAfterSoftBounces(
  tx: Queryable, workspaceId: string, address: string, outboxId: string, now: Date, report: SuppressionReport,
): Promise<SoftBounceTally | null> {
  const { softLimit, softWindowDays } = (await bounceSettingsSection.get(tx, workspaceId)) ?? bounceSettingsSchema.parse({});
  const [row] = await tx<{ count: number; days: number; reasons: Record<string, number>; suppressed: boolean }[]>`
    with delivered as (
      select max(o.sent_at) as at from email_outbox o
      where o.workspace_id = ${workspaceId} and lower(o.to_address) = ${address} and o.status = 'sent'
        and not exists (select 1 from email_events b where b.workspace_id = o.workspace_id and b.outbox_id = o.id and b.type = 'bounce')
    ), soft as (
      select e.reason, e.at from email_events e
      join email_outbox o on o.workspace_id = e.workspace_id and o.id = e.outbox_id
      where e.workspace_id = ${workspaceId} and lower(o.to_address) = ${address} and e.type = 'bounce' and e.soft
        and e.at > ${now}::timestamptz - make_interval(days => ${softWindowDays}::int)
        and e.at > coalesce((select at from delivered), '-infinity')
    ), tally as (
      select count(*)::int as count,
        greatest(1, ceil(extract(epoch from (${now}::timestamptz - min(at))) / 86400))::int as days,
        coalesce((select jsonb_object_agg(reason, n) from (select coalesce(reason, 'other') as reason, count(*)::int as n from soft group by 1) r), '{}') as reasons
      from soft
    ), suppressed as (
      insert into email_suppressions (workspace_id, address, reason, detail, facts, report, outbox_id, created_at)
      select ${workspaceId}, ${address}, 'soft_bounce',
        (select string_agg(n || ' × ' || k, ', ' order by k) from jsonb_each_text(t.reasons) as x(k, n)) || ': ' || t.count || ' soft bounces in ' || t.days || ' days',
        jsonb_build_object('count', t.count, 'days', t.days, 'reasons', t.reasons), ${tx.json(report as never)}, ${outboxId}::uuid, ${now}
      from tally t where t.count >= ${softLimit}
      on conflict (workspace_id, address) do nothing
      returning 1
    )
    select t.count, t.days, t.reasons, exists (select 1 from suppressed) as suppressed from tally t`;
  return row?.suppressed ? { count: row.count, days: row.days, reasons: row.reasons } : null;
}
