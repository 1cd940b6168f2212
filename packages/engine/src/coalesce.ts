// One piece of background work per process at a time (a stepping sweep, an email drain, a
// service drain): a wake-up while it runs asks for one more pass rather than a second one
// beside it, so wake-ups from every source coalesce.

export interface Coalesced {
  kick(): void;
  /** Resolves once the pass under way (and the one asked for meanwhile) has ended. */
  idle(): Promise<void>;
}

/** `run` is never called while `mayRun()` is false (stopped, or the database unreachable). */
export function coalesce(run: () => Promise<void>, mayRun: () => boolean): Coalesced {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    kick() {
      if (!mayRun()) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await run();
        } while (again && mayRun());
        running = null;
      })();
    },
    idle: async () => void (await running),
  };
}
