// The simulation core: replays a period's stored events, in timestamp order, through a journey's
// plan with the engine's own walk and the sandbox services. Simulated time advances window by
// window (a day by default); within a window each customer's events and due steps are taken
// in exact order, customers side by side (so their segment and purchase questions batch as in an
// engine batch). Runs live in memory only, bounded by `maxRuns`; ended runs leave nothing but counts.
import type { Queryable, Sql, SecretBox } from '@afterglow/db';
import { readWorkspaceSettings, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { StoredEvent } from '../types';
import { entryFor } from '../enrol';
import { runCustomer, type CustomerWindow, type LoopScope } from './customer-loop';
import { loadCustomers, populationFilter, type CustomerState } from './customers';
import { readEvents } from './event-source';
import { renderSamples } from './render';
import { DueIndex } from './runs';
import { emptyPolicyTally, type SendHistory } from './sandbox-policy';
import { windowSandbox, type SandboxScope } from './sandbox';
import { scheduledEntries } from './scheduled';
import { Tally } from './tally';
import { Tracer } from './trace';
import type { SimulationResult, SimulationSpec, TraceEntry } from './types';

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

/** Customers loaded at once for a calendar occurrence or a broadcast (a whole segment may enter at one instant). */
const LOAD_CHUNK = 5000;

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
  const state = new Map<string, CustomerState>();
  const history = (id: string): SendHistory => state.get(id)?.sends ?? { live: [], simulated: [] };
  const sandbox: SandboxScope = { registry: input.registry, secrets: input.secrets, settings, versionId: input.versionId,
    fromAddress: input.fromAddress, publicUrl: input.publicUrl, history, tally: policyTally, alertTimes: [] };
  const tally = new Tally(input.follow ? [] : spec.sampleCustomerIds);
  const tracer = input.follow ? new Tracer(input.follow) : null;
  const index = new DueIndex(from.getTime(), to.getTime(), width);
  let alive = 0;
  const loop: LoopScope = { registry: input.registry, plan, workspaceId, journeyId: input.journeyId, versionId: input.versionId ?? 'draft',
    index, tally, tracer,
    started() {
      if (++alive > maxRuns) throw new Error(`More than ${maxRuns} customers would be in the journey at once: simulate a sample or a shorter period`);
    },
    ended: () => void alive--,
  };
  const allowed = await populationFilter(sql, workspaceId, spec.population, input.now);
  const customerScope = { workspaceId, journeyId: input.journeyId, from, to, capDays: settings.frequencyCap.perDays };
  const counts = { read: 0, replayed: 0 };
  const windows = Math.ceil((to.getTime() - from.getTime()) / width);
  let next = 0;
  let pending: StoredEvent[] = [];

  // A customer is loaded the first time one of their events would enter the journey.
  const loadFor = async (tx: Queryable, events: StoredEvent[]) => {
    const candidates = new Set<string>();
    for (const e of events) if (!state.has(e.customerId) && !candidates.has(e.customerId) && entryFor(input.registry, plan, e, e.timestamp)) candidates.add(e.customerId);
    for (const [id, c] of await loadCustomers(tx, customerScope, await allowed(tx, [...candidates]))) state.set(id, c);
  };
  const scheduled = scheduledEntries(input.registry, plan, { workspaceId, from, to, customerId: input.follow });
  const runWindow = async (tx: Queryable, w: number, events: StoredEvent[]) => {
    const start = from.getTime() + w * width;
    const end = Math.min(start + width, to.getTime());
    const due = index.take(w);
    const entries = scheduled ? await scheduled(tx, new Date(start), new Date(end)) : [];
    if (events.length === 0 && due.length === 0 && entries.length === 0) return;
    const fresh = [...new Set(entries.map((e) => e.customerId).filter((id) => !state.has(id)))];
    for (let i = 0; i < fresh.length; i += LOAD_CHUNK) {
      const chunk = await allowed(tx, fresh.slice(i, i + LOAD_CHUNK));
      for (const [id, c] of await loadCustomers(tx, customerScope, chunk)) state.set(id, c);
    }
    const byCustomer = new Map<string, CustomerWindow>();
    const share = (id: string) => {
      let mine = byCustomer.get(id);
      if (!mine) byCustomer.set(id, (mine = { events: [], scheduled: [] }));
      return mine;
    };
    for (const e of events) if (state.has(e.customerId)) share(e.customerId).events.push(e);
    for (const e of entries) if (state.has(e.customerId)) share(e.customerId).scheduled.push(e);
    for (const r of due) share(r.row.customerId);
    const depsAt = windowSandbox(tx, new Date(start), sandbox);
    const replayed = await Promise.all([...byCustomer].map(([id, mine]) => runCustomer(loop, state.get(id)!, mine, end, depsAt)));
    counts.replayed += replayed.reduce((a, b) => a + b, 0);
    index.take(w);
  };
  // Windows up to `until` (exclusive) are complete once an event at or after their end was read.
  // One READ ONLY transaction per page of events serves its windows' lookups.
  const advance = async (until: number, page: StoredEvent[]) => {
    await sql.begin('read only', async (tx) => {
      await loadFor(tx, page);
      for (; next < windows && from.getTime() + (next + 1) * width <= until; next++) {
        const end = from.getTime() + (next + 1) * width;
        const cut = pending.findIndex((e) => e.timestamp.getTime() >= end);
        const events = cut < 0 ? pending : pending.slice(0, cut);
        pending = cut < 0 ? [] : pending.slice(cut);
        await runWindow(tx, next, events);
        await input.progress?.(Math.floor(((next + 1) / windows) * 99));
      }
    });
  };
  await readEvents(sql, { workspaceId, from, to, customerId: input.follow }, async (page) => {
    counts.read += page.length;
    pending.push(...page);
    await advance(page[page.length - 1].timestamp.getTime(), page);
  });
  await advance(Infinity, []);
  for (const c of state.values()) for (const r of c.runs) tally.ended(r.row.status, r.row.nodeId, null);

  const samples = await renderSamples(sql, { workspaceId, versionId: input.versionId }, tally.samples);
  const trace = tracer ? await renderTrace(input, tracer) : [];
  const result: SimulationResult = { from: spec.from, to: spec.to, events: counts, ...tally.result(), samples,
    sendPolicy: { ...policyTally, liveSendsSeen: [...state.values()].reduce((n, c) => n + c.sends.live.filter((t) => t >= from.getTime()).length, 0) } };
  return { result, trace };
}

async function renderTrace(input: ReplayInput, tracer: Tracer): Promise<TraceEntry[]> {
  const at = [...tracer.emails.keys()];
  const rendered = await renderSamples(input.sql, { workspaceId: input.workspaceId, versionId: input.versionId }, [...tracer.emails.values()]);
  at.forEach((i, k) => (tracer.entries[i] = { ...tracer.entries[i], email: rendered[k] }));
  return tracer.entries;
}
