// What a simulation counts as it goes: entries per day, every step's outcome and branch, groups
// (A/B arms, holdout), exits and end positions, emails per day, and the effects the sandbox
// services recorded. Emails of a few customers are kept to be rendered at the end.
import type { CustomerSnapshot, EmailRequest } from '@afterglow/node-sdk';
import type { EffectBuffer } from '../effects';
import { groupsOf } from '../experiment-groups';
import type { JourneyPlan } from '@afterglow/journey-core';
import type { RunRow } from '../types';
import type { StepRow } from '../walk';
import type { SimulationResult } from './types';

export interface PendingSample {
  customer: CustomerSnapshot;
  run: { id: string; context: Record<string, unknown> };
  nodeId: string;
  at: Date;
  request: EmailRequest;
}

const DAY = 86_400_000;
/** Days are counted by their number since 1970 (UTC), named only in the result. */
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY);
const dayName = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
function bump<K>(map: Map<K, number>, key: K, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}
/** The map under `key`, made when first asked. */
function mapAt<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let inner = map.get(key);
  if (inner === undefined) map.set(key, (inner = make()));
  return inner;
}
const newMap = <K, V>() => new Map<K, V>();
const noEmails = () => ({ marketing: 0, transactional: 0 });
const AUTO_SAMPLES = 5;
const SAMPLES_PER_CHOSEN = 5;

export class Tally {
  readonly entries = new Map<number, number>();
  /** By node, outcome and branch ('' for none): nested, so counting a step builds no key. */
  readonly steps = new Map<string, Map<string, Map<string, number>>>();
  readonly groups = new Map<string, number>();
  readonly exits = new Map<string, number>();
  readonly ends = new Map<string, number>();
  readonly emails = new Map<number, { marketing: number; transactional: number }>();
  readonly services = new Map<string, number>();
  readonly effects = { coupons: 0, pointsGrants: 0, points: 0, staffAlerts: 0, profileUpdates: 0 };
  readonly samples: PendingSample[] = [];
  readonly #chosen: Map<string, number>;
  #auto = 0;

  constructor(chosen: string[]) {
    this.#chosen = new Map(chosen.map((id) => [id, 0]));
  }

  entered(at: Date): void {
    bump(this.entries, dayOf(at));
  }

  step(nodeId: string, outcome: string, branch: string | null): void {
    bump(mapAt(mapAt(this.steps, nodeId, newMap<string, Map<string, number>>), outcome, newMap<string, number>), branch ?? '');
  }

  ended(status: string, nodeId: string, reason: string | null): void {
    bump(this.ends, `${status}\u0000${nodeId}`);
    if (status === 'exited' && reason) bump(this.exits, reason);
  }

  walked(run: RunRow, plan: JourneyPlan, customer: CustomerSnapshot, steps: StepRow[], buffer: EffectBuffer, now: Date): void {
    for (const s of steps) this.step(s.node_id, s.outcome, s.branch);
    for (const g of groupsOf(run, plan, steps)) bump(this.groups, g.grp);
    for (const row of buffer.outbox) {
      if (row.kind === 'alert') {
        this.effects.staffAlerts++;
        continue;
      }
      mapAt(this.emails, dayOf(now), noEmails)[row.kind === 'marketing' ? 'marketing' : 'transactional']++;
      const request = row.content_hash ? requestOf(buffer, row.content_hash) : undefined;
      if (request && this.#wantsSample(customer.id)) {
        this.samples.push({ customer: structuredClone(customer), run: { id: run.id, context: structuredClone(run.context) }, nodeId: row.node_id, at: now, request });
      }
    }
    this.effects.coupons += buffer.coupons.length;
    this.effects.pointsGrants += buffer.ledger.length;
    for (const l of buffer.ledger) this.effects.points += l.points;
    this.effects.profileUpdates += buffer.profiles.size;
    for (const e of buffer.services.values()) bump(this.services, e.service_id);
  }

  #wantsSample(customerId: string): boolean {
    const taken = this.#chosen.get(customerId);
    if (taken !== undefined) {
      if (taken >= SAMPLES_PER_CHOSEN) return false;
      this.#chosen.set(customerId, taken + 1);
      return true;
    }
    return this.#auto++ < AUTO_SAMPLES;
  }

  result(): Omit<SimulationResult, 'from' | 'to' | 'events' | 'sendPolicy' | 'samples'> {
    const sorted = <T extends { n: number }>(rows: T[]) => rows.sort((a, b) => b.n - a.n);
    const split = (key: string) => key.split('\u0000');
    const steps = [...this.steps].flatMap(([nodeId, outcomes]) => [...outcomes].flatMap(([outcome, branches]) =>
      [...branches].map(([branch, n]) => ({ nodeId, outcome, branch: branch || null, n }))));
    return {
      entries: { total: [...this.entries.values()].reduce((a, b) => a + b, 0),
        perDay: [...this.entries].sort((a, b) => a[0] - b[0]).map(([d, n]) => ({ day: dayName(d), n })) },
      endPositions: sorted([...this.ends].map(([k, n]) => ({ status: split(k)[0], nodeId: split(k)[1], n }))),
      steps,
      groups: [...this.groups].map(([group, n]) => ({ group, n })).sort((a, b) => a.group.localeCompare(b.group)),
      exits: sorted([...this.exits].map(([reason, n]) => ({ reason, n }))),
      emails: {
        total: [...this.emails.values()].reduce((a, b) => a + b.marketing + b.transactional, 0),
        perDay: [...this.emails].sort((a, b) => a[0] - b[0]).map(([d, v]) => ({ day: dayName(d), ...v })),
      },
      effects: { ...this.effects, services: sorted([...this.services].map(([serviceId, n]) => ({ serviceId, n }))) },
    };
  }
}

/** The request an outbox row of this walk names (a walk's buffer holds a few). */
function requestOf(buffer: EffectBuffer, hash: string): EmailRequest | undefined {
  for (const c of buffer.contents.values()) if (c.hash === hash) return c.request;
  return undefined;
}
