// How far `advance` moves the clock: a duration in words ('3 days', '2h', '90 minutes', read by
// `ms`), milliseconds, or the moment to move to. The clock only moves forward.
import ms from 'ms';

/** '3 days', '2h', '90 minutes', '1.5 hours' (the units `ms` knows; not months). */
export type Duration = `${number}${ms.UnitAnyCase}` | `${number} ${ms.UnitAnyCase}`;
export type Advance = Duration | number | Date;

/** The moment `by` leads to from `now`; throws, naming the value, for anything else. */
export function advanceTarget(now: Date, by: Advance): Date {
  if (by instanceof Date) {
    if (Number.isNaN(by.getTime())) throw new Error('advance(): the date is invalid');
    if (by < now) throw new Error(`advance(): ${by.toISOString()} is before the clock (${now.toISOString()}); the clock only moves forward`);
    return by;
  }
  // A bare number in a string ('100') would be milliseconds to ms: too easy to misread, so refused.
  const millis = typeof by === 'number' ? by : typeof by === 'string' && /[a-z]/i.test(by) ? ms(by) : undefined;
  if (millis === undefined || !Number.isFinite(millis) || millis < 0) {
    throw new Error(`advance(): cannot read ${JSON.stringify(by)}; use e.g. '3 days', '2h', '90 minutes', milliseconds or a Date`);
  }
  return new Date(now.getTime() + millis);
}
