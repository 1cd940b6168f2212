// Staff alerts (ctx.services.staff.alert): an internal email about the run's customer to the
// shop's team. It goes to the workspace's users of a role, or to one address that is a user's or
// on the owner's list of test recipients: an alert carries the customer's data, so a journey
// may not mail it anywhere else (the same rule as test sends). Rows are written ready-made
// (subject, HTML, text) with kind 'alert': no tracking, no unsubscribe footer, never capped or
// held, stopped only by a hard bounce. Each journey's hourly limit counts the alerts queued in
// the last 60 minutes under a transaction lock per journey, so two batches cannot both take
// the last slot; a batch that rolls back gives its slots back with its rows.
import type { Queryable } from '@afterglow/db';
import { createHash } from 'node:crypto';
import { readWorkspaceSettings } from '@afterglow/journey-core';
import type { Services, StaffAlertRequest } from '@afterglow/node-sdk';
import { effectKey, type EffectBuffer, type StepScope } from './effects';

interface Recipient { address: string; locale: string }

type Resolved = { recipients: Recipient[] } | { refused: string };

export interface StaffLookup {
  /** Who the alert goes to, each in their language; or why the address is refused. */
  recipients(workspaceId: string, to: StaffAlertRequest['to']): Promise<Resolved>;
  /** Takes one of the journey's alerts of this hour; false when the limit is reached. */
  take(journeyId: string, perHour: number): Promise<boolean>;
  customerUrl(customerId: string): string;
}

export function createStaffLookup(tx: Queryable, now: Date, publicUrl: () => string): StaffLookup {
  // Per journey: the alerts of the last hour, loaded once per batch (with the lock), then counted here.
  const used = new Map<string, Promise<{ n: number }>>();
  const load = async (journeyId: string) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`staff-alert:${journeyId}`}, 0))`;
    const [row] = await tx<{ n: number }[]>`
      select count(distinct (run_id, node_id))::int as n from email_outbox
      where journey_id = ${journeyId} and kind = 'alert' and created_at > ${new Date(now.getTime() - 3_600_000)}`;
    return { n: row.n };
  };
  return {
    recipients: (workspaceId, to) => ('role' in to ? usersOfRole(tx, workspaceId, to.role) : teamAddress(tx, workspaceId, to.address)),
    async take(journeyId, perHour) {
      let slot = used.get(journeyId);
      if (!slot) used.set(journeyId, (slot = load(journeyId)));
      const count = await slot;
      if (count.n >= perHour) return false;
      count.n += 1;
      return true;
    },
    customerUrl: (id) => `${publicUrl().replace(/\/+$/, '')}/customers/${encodeURIComponent(id)}`,
  };
}

async function usersOfRole(tx: Queryable, workspaceId: string, role: string): Promise<Resolved> {
  const rows = await tx<Recipient[]>`
    select lower(u.email) as address, coalesce(u.locale, w.settings->'shop'->>'locale', 'en') as locale
    from users u join workspaces w on w.id = u.workspace_id
    where u.workspace_id = ${workspaceId} and u.role = ${role} order by lower(u.email)`;
  return { recipients: rows };
}

async function teamAddress(tx: Queryable, workspaceId: string, address: string): Promise<Resolved> {
  const to = address.trim().toLowerCase();
  const [row] = await tx<{ settings: unknown; user_locale: string | null; is_user: boolean }[]>`
    select w.settings, u.locale as user_locale, u.id is not null as is_user
    from workspaces w left join users u on u.workspace_id = w.id and lower(u.email) = ${to}
    where w.id = ${workspaceId}`;
  if (!row) return { refused: `Workspace ${workspaceId} does not exist` };
  const shopLocale = (row.settings as { shop?: { locale?: string } } | null)?.shop?.locale ?? 'en';
  if (row.is_user) return { recipients: [{ address: to, locale: row.user_locale ?? shopLocale }] };
  if (readWorkspaceSettings(row.settings).testRecipients.includes(to)) return { recipients: [{ address: to, locale: shopLocale }] };
  return { refused: `${to} is neither a user of this workspace nor one of its test recipients (Settings > Sending limits)` };
}

/** The step's staff service: resolves, limits, composes once per language, and buffers the rows. */
export function staffService(scope: StepScope, buffer: EffectBuffer, lookup: StaffLookup): Services['staff'] {
  const { run, nodeId, customer, detail } = scope;
  return {
    async alert(request) {
      const resolved = await lookup.recipients(run.workspaceId, request.to);
      if ('refused' in resolved) return { status: 'refused', reason: resolved.refused };
      if (resolved.recipients.length === 0) {
        detail.alert = 'skipped: nobody has that role';
        return { status: 'skipped', reason: 'nobody has that role' };
      }
      if (!(await lookup.take(run.journeyId, request.perHour))) {
        detail.alert = 'rate limited';
        return { status: 'limited' };
      }
      const customerUrl = lookup.customerUrl(customer.id);
      const composed = new Map<string, ReturnType<StaffAlertRequest['compose']>>();
      for (const r of resolved.recipients) {
        const message = composed.get(r.locale) ?? request.compose({ locale: r.locale, customerUrl });
        composed.set(r.locale, message);
        // `<run>:<node>.alert.<address hash>`, so the Message-ID <run.node.alert.hash@afterglow>
        // spells the effect key as every Afterglow Message-ID does (bounce reports find the row by it).
        const key = `${effectKey(run, nodeId)}.alert.${createHash('sha256').update(r.address).digest('hex').slice(0, 16)}`;
        buffer.outbox.push({
          workspace_id: run.workspaceId, effect_key: key, customer_id: customer.id, run_id: run.id,
          journey_id: run.journeyId, version_id: run.versionId, node_id: nodeId, kind: 'alert', topic: null,
          to_address: r.address, content_hash: null, message_id: `<${key.replace(':', '.')}@afterglow>`,
          ready: { ...message, subject: message.subject.replace(/[\r\n]+/g, ' '), locale: r.locale },
        });
      }
      detail.alert = `queued for ${resolved.recipients.length}`;
      return { status: 'queued', recipients: resolved.recipients.length };
    },
  };
}
