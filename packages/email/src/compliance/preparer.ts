// The engine's compliance step for each queued email: refuses addresses that are suppressed
// and otherwise signs its links (prepareForSending) with the workspace's secret. Requests of
// one engine batch (rendered concurrently) are answered by one suppression query; secrets
// and shop names are read once per workspace and process.
import type { Queryable } from '@afterglow/db';
import { prepareForSending, type ComplianceInput, type PreparedEmail } from './prepare';

export type PrepareRequest = Omit<ComplianceInput, 'secret' | 'publicUrl'> & { toAddress: string };
export type PrepareResult = ({ blocked: null } & PreparedEmail) | { blocked: string };

interface Pending { request: PrepareRequest; resolve: (v: PrepareResult) => void; reject: (e: unknown) => void }

interface WorkspaceKeys { secret: string; name: string }

export function createCompliancePreparer(sql: Queryable, opts: { publicUrl: () => string }) {
  const secrets = new Map<string, Promise<WorkspaceKeys>>();
  let pending: Pending[] = [];

  const secretOf = (workspaceId: string) => {
    let hit = secrets.get(workspaceId);
    if (!hit) {
      hit = sql<WorkspaceKeys[]>`select signing_secret as secret, name from workspaces where id = ${workspaceId}`.then(([row]) => {
        if (!row?.secret) throw new Error(`Workspace ${workspaceId} does not exist or has no signing_secret`);
        return row;
      });
      secrets.set(workspaceId, hit);
      hit.catch(() => secrets.delete(workspaceId));
    }
    return hit;
  };

  async function answer(batch: PrepareRequest[]): Promise<PrepareResult[]> {
    // Suppressed addresses, and marketing topics the customer turned off on the preference page.
    const blocked = await sql<{ idx: number; reason: string }[]>`
      with r as (
        select * from unnest(${batch.map((_, i) => i)}::int[], ${batch.map((b) => b.workspaceId)}::text[],
          ${batch.map((b) => b.customerId)}::text[], ${batch.map((b) => b.toAddress.toLowerCase())}::text[],
          ${batch.map((b) => b.kind)}::text[], ${batch.map((b) => b.topic ?? '')}::text[]) as r(idx, ws, cust, address, kind, topic)
      )
      select r.idx, 'the address is suppressed (' || min(s.reason) || ')' as reason
      from r join email_suppressions s on s.workspace_id = r.ws and s.address = r.address
      where r.kind = 'marketing' or s.reason = 'hard_bounce'
      group by r.idx
      union all
      select r.idx, 'the customer turned off the topic "' || r.topic || '"'
      from r join customer_preferences p on p.workspace_id = r.ws and p.customer_id = r.cust
      where r.kind = 'marketing' and r.topic <> '' and p.topics ->> r.topic = 'false'`;
    const reasons = new Map(blocked.map((b) => [b.idx, b.reason]));
    return Promise.all(batch.map(async (request, i): Promise<PrepareResult> => {
      const reason = reasons.get(i);
      if (reason) return { blocked: reason };
      const { secret, name } = await secretOf(request.workspaceId);
      return { blocked: null, ...prepareForSending({ shopName: name, ...request, secret, publicUrl: opts.publicUrl() }) };
    }));
  }

  const flush = () => {
    const batch = pending;
    pending = [];
    answer(batch.map((b) => b.request)).then(
      (rows) => batch.forEach((b, i) => b.resolve(rows[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  };

  return (request: PrepareRequest): Promise<PrepareResult> => new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ request, resolve, reject });
  });
}
