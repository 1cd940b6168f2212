import { summaryOf } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { triggerSchedule } from './definition';
import { nextOccurrences } from './occurrences';

const weekly = triggerSchedule.config.parse({ ...triggerSchedule.defaults, segmentId: 'seg_all', thursday: true });
const iso = (days: Date[]) => days.map((d) => d.toISOString().slice(0, 10));

it('enrols the segment on its days, at its local time, in the customers\' or the shop\'s zone', () => {
  expect(triggerSchedule.trigger!.calendar!(weekly)).toEqual({
    kind: 'schedule', segmentId: 'seg_all', every: 'weekly', weekdays: [1, 4], dayOfMonth: 1, month: 1, hour: 10, minute: 0, timeZone: null,
  });
  expect(triggerSchedule.trigger!.calendar!({ ...weekly, time: '07:45', timeZone: 'Europe/Belgrade' })).toMatchObject({ hour: 7, minute: 45, timeZone: 'Europe/Belgrade' });
});

it('refuses a weekly schedule without a day, a bad time and an unknown zone', () => {
  const none = { ...weekly, monday: false, thursday: false };
  expect(triggerSchedule.config.safeParse(none).error?.issues.map((i) => i.path[0])).toEqual(['monday']);
  expect(triggerSchedule.config.safeParse({ ...none, every: 'daily' }).success).toBe(true);
  expect(triggerSchedule.config.safeParse({ ...weekly, time: '24:00' }).error?.issues[0].path).toEqual(['time']);
  expect(triggerSchedule.config.safeParse({ ...weekly, timeZone: 'Mars/Olympus' }).error?.issues[0].path).toEqual(['timeZone']);
});

it('finds the next days: today while its time is to come, a short month\'s last day', () => {
  // Monday 7 December 2026.
  expect(iso(nextOccurrences(weekly, new Date('2026-12-07T09:59:00Z'), 3))).toEqual(['2026-12-07', '2026-12-10', '2026-12-14']);
  expect(iso(nextOccurrences(weekly, new Date('2026-12-07T10:00:00Z'), 2))).toEqual(['2026-12-10', '2026-12-14']);
  // 08:30 UTC is 09:30 in Belgrade: Monday's 09:00 there has passed.
  expect(iso(nextOccurrences({ ...weekly, time: '09:00', timeZone: 'Europe/Belgrade' }, new Date('2026-12-07T08:30:00Z'), 1))).toEqual(['2026-12-10']);
  const monthly = { ...weekly, every: 'monthly' as const, dayOfMonth: 31 };
  expect(iso(nextOccurrences(monthly, new Date('2027-01-31T12:00:00Z'), 3))).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
  // A holiday every year; 29 February is the 28th in other years.
  const womensDay = { ...weekly, every: 'yearly' as const, month: '3' as const, dayOfMonth: 8 };
  expect(iso(nextOccurrences(womensDay, new Date('2027-03-08T10:00:00Z'), 2))).toEqual(['2028-03-08', '2029-03-08']);
  const leap = { ...weekly, every: 'yearly' as const, month: '2' as const, dayOfMonth: 29 };
  expect(iso(nextOccurrences(leap, new Date('2027-01-01T00:00:00Z'), 3))).toEqual(['2027-02-28', '2028-02-29', '2029-02-28']);
  expect(triggerSchedule.trigger!.calendar!(womensDay)).toMatchObject({ every: 'yearly', month: 3, dayOfMonth: 8 });
});

it('reads a schedule saved before the yearly option as January', () => {
  const { month: _omitted, ...saved } = triggerSchedule.defaults as Record<string, unknown>;
  expect(triggerSchedule.config.parse({ ...saved, segmentId: 'seg_all' }).month).toBe('1');
});

it('shows the schedule and its next days on the card', () => {
  expect(summaryOf(triggerSchedule, weekly)).toMatch(/^Weekly on Monday and Thursday at 10:00 local · next: \w{3}, \w{3} \d+, /);
  expect(summaryOf(triggerSchedule, weekly, 'sr-Cyrl')).toMatch(/^Недељно: понедељак и четвртак у 10:00 по времену купца · следеће: /);
  expect(summaryOf(triggerSchedule, { ...weekly, every: 'monthly', dayOfMonth: 15, timeZone: 'Europe/Moscow' }, 'ru'))
    .toMatch(/^Ежемесячно, 15-го числа, в 10:00 \(Europe\/Moscow\) · ближайшие: /);
  expect(summaryOf(triggerSchedule, { ...weekly, every: 'daily' }, 'sl')).toMatch(/^Vsak dan ob 10:00 po kupčevem času · naslednji: /);
  const womensDay = { ...weekly, every: 'yearly' as const, month: '3' as const, dayOfMonth: 8 };
  expect(summaryOf(triggerSchedule, womensDay)).toMatch(/^Yearly on March 8 at 10:00 local · next: /);
  expect(summaryOf(triggerSchedule, womensDay, 'sr-Cyrl')).toMatch(/^Сваке године, 8\. март, у 10:00 по времену купца/);
  expect(summaryOf(triggerSchedule, womensDay, 'ru')).toMatch(/^Ежегодно, 8 марта, в 10:00/);
  expect(summaryOf(triggerSchedule, { ...womensDay, month: '4' as const, dayOfMonth: 31 }, 'sl')).toMatch(/^Vsako leto, 30\. april, ob 10:00/);
});
