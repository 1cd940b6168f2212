// Workspace sending rules applied to marketing messages at step time: the frequency cap across
// journeys and channels ("once a week is enough": marketing email and service effects queued as
// marketing, such as an SMS offer, count together) and quiet hours in the customer's time zone.
// Counts are read once per batch for all its customers, and sends queued earlier in the batch count too.
import type { Queryable } from '@afterglow/db';
import { readWorkspaceSettings, type WorkspaceSettings } from '@afterglow/journey-core';
import { localParts, nextLocalTime, type CustomerSnapshot, type SendPolicyRequest, type SendPolicyVerdict } from '@afterglow/node-sdk';

export interface SendPolicy {
  /**
   * Whether to send now (reserving the customer's slot under the cap, so two runs of one
   * batch cannot both take the last one), skip, or hold the step until a time.
   */
  check(workspaceId: string, customer: CustomerSnapshot, request: SendPolicyRequest): Promise<SendPolicyVerdict>;
}

interface Recent { count: number; oldest: Date | null }

export function inQuietHours(hour: number, start: number, end: number): boolean {
  return start === end ? false : start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

export function createSendPolicy(sql: Queryable, now: Date): SendPolicy {
  const settings = new Map<string, Promise<WorkspaceSettings>>();
  const queuedHere = new Map<string, number>();
  const pending = new Map<string, { ids: Set<string>; waiters: [string, (r: Recent) => void, (e: unknown) => void][] }>();
  let scheduled = false;

  const settingsOf = (workspaceId: string) => {
    if (!settings.has(workspaceId)) {
      settings.set(workspaceId, sql<{ settings: unknown }[]>`select settings from workspaces where id = ${workspaceId}`
        .then(([row]) => readWorkspaceSettings(row?.settings)));
    }
    return settings.get(workspaceId)!;
  };

  const flush = async (perDaysOf: Map<string, number>) => {
    scheduled = false;
    const batches = [...pending.entries()];
    pending.clear();
    await Promise.all(batches.map(async ([workspaceId, batch]) => {
      try {
        const since = new Date(now.getTime() - perDaysOf.get(workspaceId)! * 86400e3);
        // Batches stepping side by side (other loops, other workers) may hold runs of the same
        // customers: each customer's count and new send are serialised by a lock held to commit.
        // Its own statement, so the count below reads what the lock's previous holder committed.
        const keys = [...batch.ids].map((id) => `cap:${workspaceId}/${id}`).sort();
        await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${keys}::text[]) as k order by k`;
        // Marketing messages of every channel: emails, and effects a service marked marketing (an SMS offer).
        const ids = [...batch.ids];
        const rows = await sql<{ customerId: string; count: number; oldest: Date }[]>`
          select customer_id as "customerId", count(*)::int as count, min(created_at) as oldest
          from (
            select customer_id, created_at from email_outbox
            where workspace_id = ${workspaceId} and customer_id = any(${ids}) and kind = 'marketing'
              and created_at > ${since} and status not in ('failed', 'suppressed')
            union all
            select customer_id, created_at from service_effects
            where workspace_id = ${workspaceId} and customer_id = any(${ids}) and marketing
              and created_at > ${since} and status not in ('failed', 'cancelled')
          ) as sent
          group by 1`;
        const byId = new Map(rows.map((r) => [r.customerId, r]));
        for (const [id, resolve] of batch.waiters) resolve({ count: byId.get(id)?.count ?? 0, oldest: byId.get(id)?.oldest ?? null });
      } catch (err) {
        for (const [, , reject] of batch.waiters) reject(err);
      }
    }));
  };
  const perDays = new Map<string, number>();
  const recentOf = (workspaceId: string, customerId: string, days: number) =>
    new Promise<Recent>((resolve, reject) => {
      perDays.set(workspaceId, days);
      const batch = pending.get(workspaceId) ?? { ids: new Set<string>(), waiters: [] };
      batch.ids.add(customerId);
      batch.waiters.push([customerId, resolve, reject]);
      pending.set(workspaceId, batch);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush(perDays));
      }
    });

  return {
    async check(workspaceId, customer, request) {
      if (request.kind !== 'marketing') return { decision: 'send' };
      const { frequencyCap, quietHours } = await settingsOf(workspaceId);
      if (quietHours.enabled && inQuietHours(localParts(now, customer.timezone).hour, quietHours.startHour, quietHours.endHour)) {
        return { decision: 'hold', until: nextLocalTime(now, customer.timezone, quietHours.endHour), reason: 'quiet hours' };
      }
      if (!frequencyCap.enabled) return { decision: 'send' };
      const recent = await recentOf(workspaceId, customer.id, frequencyCap.perDays);
      const key = `${workspaceId}/${customer.id}`;
      const count = recent.count + (queuedHere.get(key) ?? 0);
      if (count < frequencyCap.maxEmails) {
        queuedHere.set(key, (queuedHere.get(key) ?? 0) + 1);
        return { decision: 'send' };
      }
      if (request.whenCapped === 'hold') {
        // The window frees when its oldest email leaves it; sends queued in this batch keep it full longer.
        const frees = recent.oldest ?? now;
        return { decision: 'hold', until: new Date(frees.getTime() + frequencyCap.perDays * 86400e3 + 1000), reason: 'frequency cap' };
      }
      return { decision: 'skip', reason: `frequency cap (${frequencyCap.maxEmails} per ${frequencyCap.perDays} days)` };
    },
  };
}
