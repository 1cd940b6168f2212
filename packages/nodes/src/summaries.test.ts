// The card's line in the reader's language: plural forms as each language counts ("3 дана",
// "5 дней", "2 dneva"), numbers and dates through Intl in the locale, Serbian Latin with no
// Cyrillic but the marketer's own words, which are shown as written.
import { summaryOf, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { builtInNodeTypes, grantPoints, issueCoupon, triggerBroadcast, triggerOnEvent, wait, waitForEventNode } from './index';

const days = (amount: number) => ({ mode: 'duration', amount, unit: 'days', weekday: -1, hour: 10 });

describe('node summaries', () => {
  it('count in each language\'s plural forms', () => {
    expect(summaryOf(wait, days(3), 'sr-Cyrl')).toBe('Сачекај 3 дана');
    expect(summaryOf(wait, days(1), 'sr-Latn')).toBe('Sačekaj 1 dan');
    expect(summaryOf(wait, days(5), 'ru')).toBe('Ждать 5 дней');
    expect(summaryOf(wait, days(2), 'ru')).toBe('Ждать 2 дня');
    expect(summaryOf(wait, days(21), 'ru')).toBe('Ждать 21 день');
    expect(summaryOf(wait, days(2), 'sl')).toBe('Počakaj 2 dneva');
    expect(summaryOf(wait, days(3), 'sl')).toBe('Počakaj 3 dni');
    expect(summaryOf(wait, { ...days(1), unit: 'weeks' }, 'sl')).toBe('Počakaj 1 teden');
    expect(summaryOf(wait, { ...days(1), unit: 'weeks' })).toBe('Wait 1 week');
    expect(summaryOf(wait, { ...days(1), mode: 'until', weekday: 3 }, 'sr-Latn')).toBe('Sačekaj do srede u 10:00 po vremenu kupca');
    expect(summaryOf(triggerOnEvent, { event: 'Order Completed', filters: [{ property: 'a', op: 'exists', value: '' }], entryKeyProperty: '' }, 'sl'))
      .toBe('Ko se zgodi „Order Completed“ (1 filter)');
  });

  it('format numbers, percentages and dates in the locale', () => {
    expect(summaryOf(grantPoints, { amount: 1500, reason: 'Хвала' }, 'ru')).toBe('+1\u00a0500 баллов: Хвала');
    expect(summaryOf(grantPoints, { amount: 1500, reason: 'Hvala' }, 'sr-Latn')).toBe('+1.500 bodova: Hvala');
    const coupon = { kind: 'percent', value: 10, prefix: '', validDays: 30, minOrderTotal: 2500, description: '' };
    expect(summaryOf(issueCoupon, coupon, 'sl')).toBe('10\u00a0% popusta pri naslednjem naročilu v vrednosti vsaj 2500 · velja 30 dni');
    expect(summaryOf(issueCoupon, coupon, 'ru')).toBe('Скидка 10\u00a0% на следующий заказ от 2\u00a0500 · действует 30 дней');
    expect(summaryOf(issueCoupon, coupon)).toBe('10% off your next order of 2500 or more · valid 30 days');
    // Intl separates digit groups and "%" with no-break spaces (U+00A0) in Russian and Slovenian.
    expect(summaryOf(triggerBroadcast, { segmentId: 's', startAt: '2026-03-29T01:30:00Z' }, 'ru')).toBe('Все в сегменте, с 29 мар. 2026 г., 01:30 UTC');
  });

  it('keep the marketer\'s words as written, in Serbian Latin too', () => {
    expect(summaryOf(waitForEventNode, { event: 'Поруџбина испоручена', matchTriggerProperty: 'order_id', timeoutAmount: 2, timeoutUnit: 'weeks' }, 'sr-Latn'))
      .toBe('Do „Поруџбина испоручена“ (isto order_id), najviše 2 nedelje');
  });

  it.each(['sr-Cyrl', 'sr-Latn', 'sl', 'ru'])('are all translated in %s, and Latin has no Cyrillic', (locale) => {
    for (const def of builtInNodeTypes as NodeTypeDefinition[]) {
      const line = summaryOf(def, def.defaults, locale);
      if (!/^(POST|PUT|PATCH) /.test(line)) expect(line, def.id).not.toBe(summaryOf(def, def.defaults));
      if (locale === 'sr-Latn') expect(line, def.id).not.toMatch(/[\u0400-\u04FF]/);
    }
  });
});
