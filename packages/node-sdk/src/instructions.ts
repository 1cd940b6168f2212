// What a step tells the engine to do next. Only the engine owns time and state: a node
// returns one of these and never sleeps, polls or throws to wait.

export type Instruction =
  | { kind: 'next'; branch: string }
  | { kind: 'sleepUntil'; until: Date; branch: string }
  | {
      kind: 'waitForEvent';
      event: string;
      /** Property values the awaited event must carry (e.g. the trigger's orderId). */
      match: Record<string, string | number | boolean>;
      timeoutAt: Date;
      onEvent: string;
      onTimeout: string;
    }
  /** Run this same step again at `until` (quiet hours, a frequency cap that frees later). */
  | { kind: 'hold'; until: Date; reason: string }
  | { kind: 'exit'; reason: string };

export const next = (branch = 'out'): Instruction => ({ kind: 'next', branch });

export const sleepUntil = (until: Date, branch = 'out'): Instruction => ({ kind: 'sleepUntil', until, branch });

export const waitForEvent = (
  event: string,
  match: Record<string, string | number | boolean>,
  timeoutAt: Date,
  branches: { onEvent: string; onTimeout: string } = { onEvent: 'happened', onTimeout: 'timed_out' },
): Instruction => ({ kind: 'waitForEvent', event, match, timeoutAt, ...branches });

export const hold = (until: Date, reason: string): Instruction => ({ kind: 'hold', until, reason });

export const exit = (reason: string): Instruction => ({ kind: 'exit', reason });
