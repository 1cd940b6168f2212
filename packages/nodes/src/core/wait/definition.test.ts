import { createTestContext } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { wait } from './definition';

const now = new Date('2026-01-07T15:30:00Z'); // a Wednesday

describe('core/wait', () => {
  it('sleeps for a duration', async () => {
    const { ctx } = createTestContext({ now });
    const config = wait.config.parse({ mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 });
    expect(await wait.execute!(ctx, config)).toEqual({ kind: 'sleepUntil', until: new Date('2026-01-10T15:30:00Z'), branch: 'out' });
  });

  it('sleeps until a weekday and hour in the customer’s time zone', async () => {
    const { ctx } = createTestContext({ now, customer: { timezone: 'Europe/Paris' } });
    const config = wait.config.parse({ mode: 'until', amount: 1, unit: 'days', weekday: 5, hour: 9 });
    const instruction = await wait.execute!(ctx, config);
    expect(instruction).toMatchObject({ kind: 'sleepUntil', until: new Date('2026-01-09T08:00:00Z') });
  });

  it('summarises itself for the canvas card', () => {
    expect(wait.ui.summary(wait.config.parse({ mode: 'duration', amount: 1, unit: 'weeks', weekday: -1, hour: 0 }))).toBe('Wait 1 week');
  });

  it('says a date wait in words in every language', () => {
    const line = (c: Record<string, unknown>, locale: string) =>
      wait.ui.summary(wait.config.parse({ mode: 'relative', amount: 3, unit: 'days', weekday: -1, hour: 10, ...c }), locale);
    const birthday = { from: 'birthday', direction: 'before', offset: 3, atHour: 9 };
    expect(line(birthday, 'en')).toBe('Wait until 3 days before the birthday, at 09:00 local');
    expect(line(birthday, 'sr-Latn')).toBe('Nastavlja 3 dana pre rođendana, u 09:00 po vremenu kupca');
    expect(line(birthday, 'sl')).toBe('Nadaljuje 3 dni pred rojstnim dnem, ob 09:00 po kupčevem času');
    expect(line(birthday, 'ru')).toBe('Продолжить за 3 дня до дня рождения, в 09:00 по времени покупателя');
    const reviews = { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 };
    expect(line(reviews, 'en')).toBe('Wait a random 7–15 days after the trigger event, at 10:00 local');
    expect(line(reviews, 'sr-Cyrl')).toBe('Наставља насумично 7–15 дана после покретачког догађаја, у 10:00 по времену купца');
    expect(line(reviews, 'sl')).toBe('Nadaljuje naključno 7–15 dni po sprožilnem dogodku, ob 10:00 po kupčevem času');
    expect(line(reviews, 'ru')).toBe('Продолжить в случайный момент через 7–15 дней после события запуска, в 10:00 по времени покупателя');
    const renewal = { from: 'event', field: 'renewal_date', yearly: true };
    expect(line(renewal, 'en')).toBe('Wait until the next anniversary of the event’s “renewal_date”');
    expect(line(renewal, 'sl')).toBe('Počakaj do obletnice datuma „renewal_date“ iz sprožilnega dogodka');
    const christmas = { mode: 'date', at: '2026-12-24T09:00:00+01:00' };
    expect(line(christmas, 'en')).toBe('Wait until Dec 24, 2026, 9:00 AM customer’s time');
    expect(line({ ...christmas, atZone: 'exact' }, 'sr-Cyrl')).toBe('Сачекај до 24. 12. 2026. 09:00 (UTC+01:00)');
  });
});
