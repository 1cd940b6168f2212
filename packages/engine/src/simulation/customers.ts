// The customers a simulation meets, read when an event or an occurrence of theirs would enter the
// journey (customer-store.ts holds them): their profile as it is today (the approximation docs/simulation.md names), their real marketing
// sends of the period (the frequency cap's history; the simulated journey's own sends excluded, as
// the simulation makes them itself), and the entries into this journey made before the period (the
// re-entry rule). Set-based, for all the window's entering customers at once.
import { segmentMembers, segmentRuleSchema, type Queryable, type SegmentRule } from '@afterglow/db';
import type { CustomerSnapshot } from '@afterglow/node-sdk';
import type { SendHistory } from './sandbox-policy';
import type { SimRun } from './runs';
import type { SimulationPopulation } from './types';

export interface CustomerState {
  snapshot: CustomerSnapshot;
  sends: SendHistory;
  /** Entry keys into this journey and when each was made (ms). */
  entries: Map<string, number>;
  runs: SimRun[];
}

export interface CustomerScope {
  workspaceId: string;
  journeyId: string;
  from: Date;
  to: Date;
  capDays: number;
}

/** Who may be loaded at all: null (everyone), or a filter over the candidates of a window. */
export type PopulationFilter = (tx: Queryable, ids: string[]) => Promise<string[]>;

export async function populationFilter(sql: Queryable, workspaceId: string, population: SimulationPopulation, now: Date): Promise<PopulationFilter> {
  if (population.kind === 'everyone') return async (_tx, ids) => ids;
  if (population.kind === 'sample') {
    // A stable sample: the same N customers each time the journey is simulated.
    const rows = await sql<{ id: string }[]>`
      select id from customers where workspace_id = ${workspaceId} order by md5(id) limit ${population.size}`;
    const sample = new Set(rows.map((r) => r.id));
    return async (_tx, ids) => ids.filter((id) => sample.has(id));
  }
  const [row] = await sql<{ rule: unknown }[]>`select rule from segments where workspace_id = ${workspaceId} and id = ${population.segmentId}`;
  if (!row) throw new Error(`Segment ${population.segmentId} does not exist`);
  const rule: SegmentRule = segmentRuleSchema.parse(row.rule);
  return async (tx, ids) => [...(await segmentMembers(tx, workspaceId, rule, ids, now))];
}

type Row = CustomerSnapshot & { live: number[] | null; entries: [string, number][] | null };

export async function loadCustomers(tx: Queryable, scope: CustomerScope, ids: string[]): Promise<Map<string, CustomerState>> {
  const out = new Map<string, CustomerState>();
  if (ids.length === 0) return out;
  const since = new Date(scope.from.getTime() - scope.capDays * 86400e3);
  // The outbox has no index by customer and creation time: its rows of these customers are read
  // in one pass, not one search per customer. Service effects and runs are searched by their indexes.
  const [rows, outbox] = await Promise.all([tx<Row[]>`
    select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.timezone,
      to_char(c.birthday, 'YYYY-MM-DD') as birthday, c.locale, c.marketing_consent as "marketingConsent",
      c.attributes, c.tags,
      (select array_agg((extract(epoch from e.created_at) * 1000)::float8) from service_effects e
        where e.workspace_id = c.workspace_id and e.customer_id = c.id and e.marketing
          and e.created_at > ${since} and e.created_at < ${scope.to} and e.status not in ('failed', 'cancelled')
          and e.journey_id is distinct from ${scope.journeyId}) as live,
      (select json_agg(json_build_array(r.entry_key, (extract(epoch from r.entered_at) * 1000)::float8)) from journey_runs r
        where r.workspace_id = c.workspace_id and r.customer_id = c.id and r.journey_id = ${scope.journeyId}
          and r.entered_at < ${scope.from}) as entries
    from customers c
    where c.workspace_id = ${scope.workspaceId} and c.id = any(${ids}::text[])`, tx<{ id: string; sent: number[] }[]>`
    select o.customer_id as id, array_agg((extract(epoch from o.created_at) * 1000)::float8) as sent from email_outbox o
    where o.workspace_id = ${scope.workspaceId} and o.customer_id = any(${ids}::text[]) and o.kind = 'marketing'
      and o.created_at > ${since} and o.created_at < ${scope.to} and o.status not in ('failed', 'suppressed')
      and o.journey_id is distinct from ${scope.journeyId}
    group by o.customer_id`]);
  const emails = new Map(outbox.map((r) => [r.id, r.sent]));
  for (const { live, entries, ...snapshot } of rows) {
    const sent = [...(live ?? []), ...(emails.get(snapshot.id) ?? [])].sort((a, b) => a - b);
    out.set(snapshot.id, { snapshot, sends: { live: sent, simulated: [] }, entries: new Map(entries ?? []), runs: [] });
  }
  return out;
}
