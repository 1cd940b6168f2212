import { createTestContext, NodeError, type JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { alertStaff } from './definition';
import { WORDING } from './wording';

const review: JourneyEvent = {
  messageId: 'm1', name: 'Review Submitted', customerId: 'cust_test', timestamp: new Date('2026-01-05T09:30:00Z'),
  properties: { rating: 1, text: 'Broken <b>on arrival</b> & late', order_id: 'o-1001', total: 59.9, currency: 'eur' },
};
const parse = (c: Record<string, unknown>) => alertStaff.config.parse({ ...alertStaff.defaults, ...c });

describe('core/alert-staff', () => {
  it('alerts a role with the customer, the order and the event, every value escaped', async () => {
    const { ctx, effects } = createTestContext({ run: { trigger: review } });
    const config = parse({ role: 'manager', note: 'Call within a day', perHour: 5 });
    expect(await alertStaff.execute!(ctx, config)).toEqual({ kind: 'next', branch: 'out' });
    expect(effects.counts).toEqual({ alerts: 1 });
    const [alert] = effects.alerts;
    expect(alert).toMatchObject({ to: { role: 'manager' }, perHour: 5, locale: 'en' });
    expect(alert.message.subject).toBe('Alert: Review Submitted – Ada Lovelace');
    expect(alert.message.html).toContain('Broken &#60;b&#62;on arrival&#60;/b&#62; &#38; late');
    expect(alert.message.html).not.toContain('<b>on arrival');
    expect(alert.message.html).toContain(`href="${alert.customerUrl}"`);
    expect(alert.message.text).toContain('Order: o-1001');
    expect(alert.message.text).toContain('Total: 59.9 EUR');
    expect(alert.message.text).toContain('  rating: 1');
    expect(alert.message.text).toContain('Note from the journey: Call within a day');
  });

  it('writes the alert in each recipient language, Serbian Latin transliterated but values as written', async () => {
    const { ctx, effects } = createTestContext({ run: { trigger: review }, staffLocales: ['sr-Latn', 'ru', 'sl', 'sr-Cyrl'],
      customer: { firstName: 'Јована', lastName: 'Петровић' } });
    await alertStaff.execute!(ctx, parse({}));
    expect(effects.alerts.map((a) => a.message.subject)).toEqual([
      'Upozorenje: Review Submitted – Јована Петровић', 'Оповещение: Review Submitted — Јована Петровић',
      'Opozorilo: Review Submitted – Јована Петровић', 'Упозорење: Review Submitted – Јована Петровић',
    ]);
    expect(effects.alerts[0].message.text).toContain('Kupac: Јована Петровић');
  });

  it('keeps a subject on one line whatever the event name holds', async () => {
    const { ctx, effects } = createTestContext({ run: { trigger: { ...review, name: 'Review\r\nBcc: x@evil.test' } } });
    await alertStaff.execute!(ctx, parse({}));
    expect(effects.alerts[0].message.subject).toBe('Alert: Review Bcc: x@evil.test – Ada Lovelace');
  });

  it('counts an alert over the hourly limit as rate limited and moves on', async () => {
    const { ctx, effects } = createTestContext({ staffAlertOutcome: () => ({ status: 'limited' }) });
    expect(await alertStaff.execute!(ctx, parse({}))).toEqual({ kind: 'next', branch: 'out' });
    expect(effects).toMatchObject({ alerts: [], counts: { limited: 1 } });
  });

  it('fails the run with a config error naming the address when the address may not receive alerts', async () => {
    const { ctx } = createTestContext({ staffAlertOutcome: () => ({ status: 'refused', reason: 'x@evil.test is not allowed' }) });
    const err = await Promise.resolve().then(() => alertStaff.execute!(ctx, parse({ to: 'address', address: 'x@evil.test' }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NodeError);
    expect(err).toMatchObject({ code: 'config', field: 'address' });
  });

  it('needs an email address when sending to a team address', () => {
    const parsed = alertStaff.config.safeParse({ ...alertStaff.defaults, to: 'address', address: 'care' });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['address', 'Enter an email address, such as care@yourshop.com']]);
    expect(alertStaff.config.parse({ ...alertStaff.defaults, to: 'address', address: ' Care@Shop.Example ' }).address).toBe('care@shop.example');
  });

  it('says on the card whom it alerts and how often', () => {
    expect(alertStaff.ui.summary(parse({ role: 'admin', perHour: 3 }))).toBe('Alerts the admins, at most 3 an hour');
    expect(alertStaff.ui.summary(parse({ role: 'admin', perHour: 3 }), 'sr-Latn')).toBe('Obaveštava administratore, najviše 3 puta na sat');
    expect(alertStaff.ui.summary(parse({ to: 'address', address: 'care@shop.example', perHour: 5 }), 'ru'))
      .toBe('Оповещает care@shop.example, не больше 5 раз в час');
  });
});

it('has the alert email in every locale, Serbian Latin without a Cyrillic letter', () => {
  const keys = Object.keys(WORDING.en);
  for (const [locale, words] of Object.entries(WORDING)) {
    expect(Object.keys(words), locale).toEqual(keys);
    for (const text of Object.values(words)) expect(text.trim(), locale).not.toBe('');
  }
  expect(Object.values(WORDING['sr-Latn']).join(' ')).not.toMatch(/[\u0400-\u04FF]/);
});
