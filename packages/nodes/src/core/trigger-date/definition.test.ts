import { summaryOf } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { triggerDate } from './definition';

const base = triggerDate.config.parse(triggerDate.defaults);

it('enrols on the calendar: the date, its offset in days, the repeat and the local hour', () => {
  const t = triggerDate.trigger!;
  expect(t.eventName(base)).toBeNull();
  expect(t.calendar!(base)).toEqual({ kind: 'date', source: { field: 'birthday' }, offsetDays: 0, repeat: 'yearly', hour: 9 });
  expect(t.calendar!({ ...base, when: 'before', days: 7 })).toMatchObject({ offsetDays: -7 });
  expect(t.calendar!({ ...base, when: 'after', days: 30, source: 'attribute', attribute: 'renewal', repeat: 'once' }))
    .toMatchObject({ source: { field: 'attribute', name: 'renewal' }, offsetDays: 30, repeat: 'once' });
});

it('asks for the attribute when the date is one', () => {
  const parsed = triggerDate.config.safeParse({ ...base, source: 'attribute', attribute: ' ' });
  expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['attribute', 'Name the attribute that holds the date']]);
  expect(triggerDate.config.safeParse({ ...base, hour: 24 }).error?.issues[0].path).toEqual(['hour']);
});

it('says on the card when, in each language', () => {
  expect(summaryOf(triggerDate, base)).toBe('On the birthday, every year at 09:00 local');
  expect(summaryOf(triggerDate, { ...base, when: 'before', days: 7 }, 'sr-Cyrl')).toBe('7 дана пре рођендана, сваке године у 09:00 по времену купца');
  expect(summaryOf(triggerDate, { ...base, when: 'before', days: 2 }, 'sl')).toBe('2 dneva pred rojstnim dnem, vsako leto ob 09:00 po kupčevem času');
  expect(summaryOf(triggerDate, { ...base, source: 'first_order', when: 'after', days: 5, hour: 18 }, 'ru'))
    .toBe('Через 5 дней после годовщины первого заказа, каждый год в 18:00 по времени покупателя');
  expect(summaryOf(triggerDate, { ...base, source: 'signup', repeat: 'once', when: 'after', days: 1 }, 'sr-Latn'))
    .toBe('1 dan posle registracije, jednom u 09:00 po vremenu kupca');
});
