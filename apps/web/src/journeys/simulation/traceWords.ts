// A trace line's facts and effects in words. A step's detail is what the engine recorded for it:
// the known facts get sentences, anything else (what decided a branch) is shown as its data.
import type { TFunction } from 'i18next';
import { formatDate } from '../../ui/kit';

type T = TFunction<'simulation'>;

/** Facts with words of their own; the rest of the detail shows as `key: value`. */
const WORDED = new Set(['until', 'reason', 'error', 'email', 'held_out', 'counts', 'event', 'properties']);
const MAX_VALUE = 160;

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
};

export function factsOf(t: T, detail: Record<string, unknown>): string[] {
  const facts: string[] = [];
  if (typeof detail.until === 'string') facts.push(t('fact.until', { date: formatDate(detail.until) }));
  if (typeof detail.reason === 'string') facts.push(t('fact.reason', { reason: detail.reason }));
  if (typeof detail.error === 'string') facts.push(t('fact.error', { error: detail.error }));
  if (typeof detail.email === 'string' && detail.email !== 'queued') facts.push(t('fact.email', { what: detail.email }));
  if (detail.held_out === true) facts.push(t('fact.heldOut'));
  for (const [key, value] of Object.entries(detail)) if (!WORDED.has(key) && value !== undefined) facts.push(t('fact.data', { key, value: shown(value) }));
  return facts;
}

export function effectWords(t: T, detail: Record<string, unknown>): string {
  switch (detail.effect) {
    case 'coupon': return t('trace.coupon', { code: shown(detail.code ?? '') });
    case 'points': return t('trace.points', { count: Number(detail.points ?? 0) });
    case 'service': return t('trace.service', { service: shown(detail.serviceId ?? '') });
    case 'profile': return t('trace.profile');
    default: return t('trace.effect', { effect: shown(detail.effect ?? '') });
  }
}

/** An entry no event made: a calendar occurrence (a birthday, a schedule's day) or a broadcast. */
export function enteredWords(t: T, detail: Record<string, unknown>): string {
  // The occurrence is a local date: read at noon UTC so no time zone moves it to another day.
  if (typeof detail.occurrence === 'string') return t('trace.enteredOn', { date: formatDate(`${detail.occurrence}T12:00:00Z`, false) });
  return t('trace.enteredBroadcast');
}
