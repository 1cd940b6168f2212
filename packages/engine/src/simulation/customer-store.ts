// The customers a simulation holds. A customer is loaded (customers.ts) the first time they would
// enter, and held in full (profile, real sends, entry keys, runs) while they have a run. When
// their last run ends they are parked: only what must outlive it is kept (their entry keys, for
// the re-entry rule, and the simulation's own sends still inside the cap's window); the profile
// and real sends are read again if they enter again. So memory follows the runs alive, not
// everyone the period met. Customers the population leaves out are remembered, not asked again.
import type { Queryable } from '@afterglow/db';
import { loadCustomers, type CustomerScope, type CustomerState, type PopulationFilter } from './customers';
import type { SendHistory } from './sandbox-policy';

interface Parked { entries: Map<string, number>; simulated: number[] }

/** Customers read in one query at most (a broadcast's whole segment may enter at one instant). */
const LOAD_CHUNK = 5000;

export class CustomerStore {
  readonly #held = new Map<string, CustomerState>();
  readonly #parked = new Map<string, Parked>();
  readonly #refused = new Set<string>();
  /** Real marketing sends of other journeys in the period, counted once per customer met. */
  liveSendsSeen = 0;

  constructor(private readonly scope: CustomerScope, private readonly allowed: PopulationFilter) {}

  get(id: string): CustomerState | undefined {
    return this.#held.get(id);
  }

  /** Whether the customer is (or was) in the simulation. */
  knows(id: string): boolean {
    return this.#held.has(id) || this.#parked.has(id);
  }

  history(id: string): SendHistory {
    return this.#held.get(id)?.sends ?? { live: [], simulated: [] };
  }

  /** Holds these customers in full (those the population allows), reading what is not held. */
  async hold(tx: Queryable, ids: Iterable<string>): Promise<void> {
    const back: string[] = [];
    const fresh: string[] = [];
    for (const id of new Set(ids)) {
      if (this.#held.has(id) || this.#refused.has(id)) continue;
      (this.#parked.has(id) ? back : fresh).push(id);
    }
    for (let i = 0; i < fresh.length; i += LOAD_CHUNK) {
      const chunk = fresh.slice(i, i + LOAD_CHUNK);
      const allowed = new Set(await this.allowed(tx, chunk));
      for (const id of chunk) if (!allowed.has(id)) this.#refused.add(id);
      back.push(...allowed);
    }
    const from = this.scope.from.getTime();
    for (let i = 0; i < back.length; i += LOAD_CHUNK) {
      for (const [id, c] of await loadCustomers(tx, this.scope, back.slice(i, i + LOAD_CHUNK))) {
        const parked = this.#parked.get(id);
        if (parked) {
          // Entry keys made before the period were read the first time, and are among these.
          c.entries = parked.entries;
          c.sends.simulated = parked.simulated;
          this.#parked.delete(id);
        } else {
          for (const t of c.sends.live) if (t >= from) this.liveSendsSeen++;
        }
        this.#held.set(id, c);
      }
    }
  }

  /** Parks the customers among `ids` who have no run left; `now` (ms) bounds the sends kept. */
  park(ids: Iterable<string>, now: number): void {
    const since = now - this.scope.capDays * 86_400_000;
    for (const id of ids) {
      const c = this.#held.get(id);
      if (!c || c.runs.length > 0) continue;
      this.#parked.set(id, { entries: c.entries, simulated: c.sends.simulated.filter((t) => t > since) });
      this.#held.delete(id);
    }
  }

  /** The customers held (those with runs still alive at the end). */
  held(): IterableIterator<CustomerState> {
    return this.#held.values();
  }
}
