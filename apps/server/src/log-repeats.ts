// Folds a flood of one line into a count. During a database outage every retry used to log
// the same error (about 1,350 lines a minute); here the first `limit` lines of one key (level,
// component, message) in a window are written, the rest only counted, and when the window
// ends one line says how many were left out. Time comes from `now` (tests pass their own and
// call `sweep`); a timer sweeps ended windows in a running process.

export interface RepeatFilter {
  /** True when the line is to be written; false when it is counted instead. */
  admit(key: string, summarise: (count: number) => void): boolean;
  /** Summarises the windows that have ended (every window with `all`). */
  sweep(all?: boolean): void;
  /** Summarises every window and stops the timer. */
  close(): void;
}

export interface RepeatOptions {
  /** Lines of one key written per window. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

interface Window { start: number; seen: number; summarise: (count: number) => void }

export function createRepeatFilter(opts: RepeatOptions): RepeatFilter {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, Window>();
  const end = (key: string, window: Window) => {
    windows.delete(key);
    if (window.seen > opts.limit) window.summarise(window.seen - opts.limit);
  };
  const sweep = (all = false) => {
    const t = now();
    for (const [key, window] of windows) if (all || t - window.start >= opts.windowMs) end(key, window);
  };
  const timer = setInterval(() => sweep(), Math.min(opts.windowMs, 1_000));
  timer.unref();
  return {
    admit(key, summarise) {
      let window = windows.get(key);
      if (window && now() - window.start >= opts.windowMs) end(key, window);
      window = windows.get(key);
      if (!window) windows.set(key, (window = { start: now(), seen: 0, summarise }));
      window.seen++;
      return window.seen <= opts.limit;
    },
    sweep,
    close() {
      clearInterval(timer);
      sweep(true);
    },
  };
}
