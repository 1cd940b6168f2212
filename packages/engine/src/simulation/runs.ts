// Simulated runs, in memory: the engine's RunRow (what walkRun takes) plus when it is next due,
// indexed by window of simulated time, so each window finds its due runs without a scan.
import type { RunRow } from '../types';

export interface SimRun {
  row: RunRow;
  /** ms; null while not due within the period (it waits past its end). */
  dueAt: number | null;
  /** The window whose bucket holds it (DueIndex's own; absent or null: none). */
  bucket?: number | null;
}

export class DueIndex {
  readonly #buckets = new Map<number, Set<SimRun>>();

  constructor(private readonly start: number, private readonly end: number, private readonly width: number) {}

  /** Sets when the run is next due (null: not in the period, or ended). */
  set(run: SimRun, dueAt: number | null): void {
    run.dueAt = dueAt !== null && dueAt < this.end ? Math.max(dueAt, this.start) : null;
    const old = run.bucket;
    const bucket = run.dueAt === null ? null : Math.floor((run.dueAt - this.start) / this.width);
    if (old !== undefined && old !== null) this.#buckets.get(old)?.delete(run);
    run.bucket = bucket;
    if (bucket === null) return;
    let set = this.#buckets.get(bucket);
    if (!set) this.#buckets.set(bucket, (set = new Set()));
    set.add(run);
  }

  /** The runs due in window `index` (taken out of the index: the window walks them). */
  take(index: number): SimRun[] {
    const set = this.#buckets.get(index);
    this.#buckets.delete(index);
    if (!set) return [];
    for (const run of set) run.bucket = null;
    return [...set];
  }
}
