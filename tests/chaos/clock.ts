import type { Clock } from '@afterglow/engine';

/** Time running `speed` times faster than the wall clock from `epoch` (ms), identical in every process. */
export function scaledClock(epoch: number, speed: number): Clock {
  return { now: () => new Date(epoch + (Date.now() - epoch) * speed) };
}
