// Simulated runs, in memory: the engine's RunRow (what walkRun takes) plus when it is next due,
// indexed by window of simulated time, so each window finds its due runs without a scan.
import type { RunRow } from '../types';

export interface SimRun {
  row: RunRow;
  /** ms; null while not due within the period (it waits past its end). */
  dueAt: number | null;
}

export class DueIndex {
  readonly #buckets = new Map<number, Set<SimRun>>();
  readonly #bucketOf = new Map<SimRun, number>();

  constructor(private readonly start: number, private readonly end: number, private readonly width: number) {}

  /** Sets when the run is next due (null: not in the period, or ended). */
  set(run: SimRun, dueAt: number | null): void {
    run.dueAt = dueAt !== null && dueAt < this.end ? Math.max(dueAt, this.start) : null;
    const old = this.#bucketOf.get(run);
    if (old !== undefined) this.#buckets.get(old)?.delete(run);
    this.#bucketOf.delete(run);
    if (run.dueAt === null) return;
    const bucket = Math.floor((run.dueAt - this.start) / this.width);
    let set = this.#buckets.get(bucket);
    if (!set) this.#buckets.set(bucket, (set = new Set()));
    set.add(run);
    this.#bucketOf.set(run, bucket);
  }

  /** The runs due in window `index` (taken out of the index: the window walks them). */
  take(index: number): SimRun[] {
    const set = this.#buckets.get(index);
    this.#buckets.delete(index);
    return set ? [...set] : [];
  }
}
