// The simulation core: replays a period's stored events, in timestamp order, through a journey's
// plan with the engine's own walk and the sandbox services. Simulated time advances window by
// window (a day by default); within a window each customer's events and due steps are taken
// in exact order, customers side by side in waves of a thousand (so their segment and purchase
// questions batch as in an engine batch). Runs live in memory only, bounded by `maxRuns`; ended runs leave nothing but counts.
import type { Queryable, Sql, SecretBox } from '@afterglow/db';
import { readWorkspaceSettings, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { StoredEvent } from '../types';
import { entryFor } from '../enrol';
import { runCustomer, type CustomerWindow, type LoopScope } from './customer-loop';
import { populationFilter } from './customers';
import { CustomerStore } from './customer-store';
import { readEvents } from './event-source';
import { renderSamples } from './render';
import { DueIndex } from './runs';
import { emptyPolicyTally } from './sandbox-policy';
import { BufferPool, windowSandbox, type SandboxScope } from './sandbox';
import { scheduledEntries } from './scheduled';
import { Tally } from './tally';
import { Tracer } from './trace';
import type { SimulationResult, SimulationSpec, TraceEntry } from './types';

/**
 * Customers stepped side by side. Their questions (segments, suppressions) share a round trip, and
 * every walk of a wave is alive across it: the young heap copies what is alive at each scavenge,
 * so a window's thousands of customers go in waves (at 100,000 customers this halved the bytes
 * copied and the time spent in garbage collection).
 */
const WAVE = 1000;

export interface ReplayInput {
  sql: Sql;
  registry: NodeRegistry;
  secrets: SecretBox;
  workspaceId: string;
  journeyId: string;
  /** The published version replayed, or null for a draft. */
  versionId: string | null;
  /** The plan with its secrets opened. */
  plan: JourneyPlan;
  spec: SimulationSpec;
  fromAddress: string;
  publicUrl: () => string;
  /** Today, for the population's segment membership. */
  now: Date;
  /** Told after each window (0-100); throwing stops the replay (a cancel). */
  progress?: (percent: number) => Promise<void>;
  /** Follow this customer only, recording their path. */
  follow?: string;
  windowMs?: number;
  /** Runs alive in memory at once; past it the simulation stops with a message (default 1,000,000). */
  maxRuns?: number;
}

export interface ReplayOutput { result: SimulationResult; trace: TraceEntry[] }

export async function replay(input: ReplayInput): Promise<ReplayOutput> {
  const { sql, plan, spec, workspaceId } = input;
  const from = new Date(spec.from);
  const to = new Date(spec.to);
  const width = input.windowMs ?? 86_400_000;
  const maxRuns = input.maxRuns ?? 1_000_000;
  const [ws] = await sql<{ settings: unknown }[]>`select settings from workspaces where id = ${workspaceId}`;
  const settings = readWorkspaceSettings(ws?.settings);
  const policyTally = emptyPolicyTally();
  const allowed = await populationFilter(sql, workspaceId, spec.population, input.now);
  const store = new CustomerStore({ workspaceId, journeyId: input.journeyId, from, to, capDays: settings.frequencyCap.perDays }, allowed);
  const sandbox: SandboxScope = { registry: input.registry, secrets: input.secrets, settings, versionId: input.versionId,
    fromAddress: input.fromAddress, publicUrl: input.publicUrl, history: (id) => store.history(id), tally: policyTally, alertTimes: [],
    segmentRules: new Map(), configs: new Map() };
  const tally = new Tally(input.follow ? [] : spec.sampleCustomerIds);
  const tracer = input.follow ? new Tracer(input.follow) : null;
  const index = new DueIndex(from.getTime(), to.getTime(), width);
  let alive = 0;
  const loop: LoopScope = { registry: input.registry, plan, workspaceId, journeyId: input.journeyId, versionId: input.versionId ?? 'draft',
    index, tally, tracer, buffers: new BufferPool(),
    started() {
      if (++alive > maxRuns) throw new Error(`More than ${maxRuns} customers would be in the journey at once: simulate a sample or a shorter period`);
    },
    ended: () => void alive--,
  };
  const counts = { read: 0, replayed: 0 };
  const windows = Math.ceil((to.getTime() - from.getTime()) / width);
  let next = 0;
  let pending: StoredEvent[] = [];

  const scheduled = scheduledEntries(input.registry, plan, { workspaceId, from, to, customerId: input.follow });
  const runWindow = async (tx: Queryable, w: number, events: StoredEvent[]) => {
    const start = from.getTime() + w * width;
    const end = Math.min(start + width, to.getTime());
    const due = index.take(w);
    const entries = scheduled ? await scheduled(tx, new Date(start), new Date(end)) : [];
    if (events.length === 0 && due.length === 0 && entries.length === 0) return;
    // Customers are read (or read again) when one of their events or occurrences would enter them.
    const enters = events.map((e) => entryFor(input.registry, plan, e, e.timestamp));
    await store.hold(tx, [...events.filter((e, i) => enters[i]).map((e) => e.customerId), ...entries.map((e) => e.customerId)]);
    const byCustomer = new Map<string, CustomerWindow>();
    const share = (id: string) => {
      let mine = byCustomer.get(id);
      if (!mine) byCustomer.set(id, (mine = { events: [], entries: [], scheduled: [] }));
      return mine;
    };
    for (const e of entries) if (store.get(e.customerId)) share(e.customerId).scheduled.push(e);
    for (const r of due) share(r.row.customerId);
    events.forEach((e, i) => {
      const c = store.get(e.customerId);
      if (c || store.knows(e.customerId)) counts.replayed++;
      // An event of a customer with no run (nor a due step or an occurrence this window) that does
      // not enter them changes nothing: no work.
      if (c && (enters[i] || c.runs.length > 0 || byCustomer.has(e.customerId))) {
        const mine = share(e.customerId);
        mine.events.push(e);
        mine.entries.push(enters[i]);
      }
    });
    const depsAt = windowSandbox(tx, new Date(start), sandbox);
    const work = [...byCustomer];
    for (let i = 0; i < work.length; i += WAVE) {
      await Promise.all(work.slice(i, i + WAVE).map(([id, mine]) => runCustomer(loop, store.get(id)!, mine, end, depsAt)));
    }
    index.take(w);
    store.park(byCustomer.keys(), end);
  };
  // Windows up to `until` (exclusive) are complete once an event at or after their end was read.
  // One READ ONLY transaction (beside the events' cursor) serves every window's lookups.
  await sql.begin('read only', async (tx) => {
    const advance = async (until: number) => {
      for (; next < windows && from.getTime() + (next + 1) * width <= until; next++) {
        const end = from.getTime() + (next + 1) * width;
        const cut = pending.findIndex((e) => e.timestamp.getTime() >= end);
        const events = cut < 0 ? pending : pending.slice(0, cut);
        pending = cut < 0 ? [] : pending.slice(cut);
        await runWindow(tx, next, events);
        await input.progress?.(Math.floor(((next + 1) / windows) * 99));
      }
    };
    await readEvents(sql, { workspaceId, from, to, customerId: input.follow }, async (page) => {
      counts.read += page.length;
      pending.push(...page);
      await advance(page[page.length - 1].timestamp.getTime());
    });
    await advance(Infinity);
  });
  for (const c of store.held()) for (const r of c.runs) tally.ended(r.row.status, r.row.nodeId, null);

  const samples = await renderSamples(sql, { workspaceId, versionId: input.versionId }, tally.samples);
  const trace = tracer ? await renderTrace(input, tracer) : [];
  const result: SimulationResult = { from: spec.from, to: spec.to, events: counts, ...tally.result(), samples,
    sendPolicy: { ...policyTally, liveSendsSeen: store.liveSendsSeen } };
  return { result, trace };
}

async function renderTrace(input: ReplayInput, tracer: Tracer): Promise<TraceEntry[]> {
  const at = [...tracer.emails.keys()];
  const rendered = await renderSamples(input.sql, { workspaceId: input.workspaceId, versionId: input.versionId }, [...tracer.emails.values()]);
  at.forEach((i, k) => (tracer.entries[i] = { ...tracer.entries[i], email: rendered[k] }));
  return tracer.entries;
}
