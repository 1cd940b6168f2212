// What a step tells the engine to do next. Only the engine owns time and state: a node
// returns one of these and never sleeps or polls itself.

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
  | { kind: 'exit'; reason: string };

export const next = (branch = 'out'): Instruction => ({ kind: 'next', branch });

export const sleepUntil = (until: Date, branch = 'out'): Instruction => ({ kind: 'sleepUntil', until, branch });

export const waitForEvent = (
  event: string,
  match: Record<string, string | number | boolean>,
  timeoutAt: Date,
  branches: { onEvent: string; onTimeout: string } = { onEvent: 'happened', onTimeout: 'timed_out' },
): Instruction => ({ kind: 'waitForEvent', event, match, timeoutAt, ...branches });

export const exit = (reason: string): Instruction => ({ kind: 'exit', reason });

/**
 * A failure that retrying cannot fix (bad config, missing data). The engine records it
 * and fails the run instead of retrying.
 */
export class NodeError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'NodeError';
  }
}
