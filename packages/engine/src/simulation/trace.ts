// "Follow one customer": their path through the simulated journey, line by line. Steps carry the
// facts the engine records for them (a wait's end is its 'resume' step and the branch it took; a
// condition's decision is its branch and detail); emails are kept to be rendered at the end.
import type { CustomerSnapshot } from '@afterglow/node-sdk';
import type { EffectBuffer } from '../effects';
import type { RunRow, StoredEvent } from '../types';
import type { StepRow } from '../walk';
import type { PendingSample } from './tally';
import type { TraceEntry } from './types';

/** A followed path is bounded: a customer with thousands of events is cut here. */
const MAX_ENTRIES = 2000;

export class Tracer {
  readonly entries: TraceEntry[] = [];
  /** Emails to render, by the index of their entry. */
  readonly emails = new Map<number, PendingSample>();

  constructor(private readonly customerId: string) {}

  #push(customerId: string, entry: TraceEntry): number {
    if (customerId !== this.customerId || this.entries.length >= MAX_ENTRIES) return -1;
    return this.entries.push(entry) - 1;
  }

  /** `detail`: the event that entered the run, or a calendar occurrence, or a broadcast's segment. */
  entered(customerId: string, run: RunRow, at: Date, detail: Record<string, unknown>): void {
    this.#push(customerId, { at: at.toISOString(), kind: 'entered', runId: run.id, nodeId: run.nodeId, detail });
  }

  woken(customerId: string, run: RunRow, event: StoredEvent): void {
    this.#push(customerId, { at: event.timestamp.toISOString(), kind: 'woken', runId: run.id, nodeId: run.nodeId,
      detail: { event: event.name, properties: event.properties } });
  }

  goal(customerId: string, run: RunRow, event: StoredEvent): void {
    this.#push(customerId, { at: event.timestamp.toISOString(), kind: 'goal', runId: run.id, nodeId: run.nodeId, detail: { event: event.name } });
  }

  end(customerId: string, run: RunRow, status: string, reason: string | null, at: Date): void {
    this.#push(customerId, { at: at.toISOString(), kind: 'end', runId: run.id, nodeId: run.nodeId, outcome: status, detail: reason ? { reason } : null });
  }

  walked(customer: CustomerSnapshot, run: RunRow, steps: StepRow[], buffer: EffectBuffer, now: Date): void {
    const at = now.toISOString();
    const requests = new Map([...buffer.contents.values()].map((c) => [c.hash, c.request]));
    // Each email right after the step that queued it.
    for (const s of steps) {
      this.#push(customer.id, { at, kind: 'step', runId: run.id, nodeId: s.node_id, outcome: s.outcome, branch: s.branch, detail: s.detail });
      if (s.outcome !== 'next') continue;
      for (const row of buffer.outbox.filter((o) => o.node_id === s.node_id)) {
        const request = row.content_hash ? requests.get(row.content_hash) : undefined;
        const i = this.#push(customer.id, { at, kind: 'email', runId: run.id, nodeId: row.node_id, detail: { kind: row.kind, to: row.to_address } });
        if (i >= 0 && request) this.emails.set(i, { customer: structuredClone(customer), run: { id: run.id, context: structuredClone(run.context) }, nodeId: row.node_id, at: now, request });
      }
    }
    const effects: [string, unknown][] = [
      ...buffer.coupons.map((c) => ['coupon', { code: c.code, kind: c.kind, value: c.value }] as [string, unknown]),
      ...buffer.ledger.map((l) => ['points', { points: l.points, reason: l.reason }] as [string, unknown]),
      ...[...buffer.services.values()].map((e) => ['service', { serviceId: e.service_id, marketing: e.marketing }] as [string, unknown]),
      ...[...buffer.profiles.values()].map((p) => ['profile', { attributes: p.attributes, tags: Object.fromEntries(p.tags) }] as [string, unknown]),
    ];
    for (const [what, data] of effects) {
      this.#push(customer.id, { at, kind: 'effect', runId: run.id, nodeId: null, detail: { effect: what, ...(data as object) } });
    }
  }
}
