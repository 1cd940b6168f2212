// Cards name what a step uses in words: a template or segment by the name the marketer gave it
// (or "a deleted …"), merge fields as words ("«first name»"), never an id or raw Liquid.
import { summaryOf, type NodeTypeDefinition, type SummaryNames } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import {
  builtInNodeTypes, segmentCondition, sendEmail, triggerBroadcast, triggerOnEvent, triggerSchedule, triggerSegmentEntered, triggerSegmentLeft,
} from './index';

const LOCALES = ['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru'];
const ID = 'zz_ref_42';
const named: SummaryNames = { template: () => 'Добродошлица', segment: () => 'VIP kupci', step: () => 'Send email' };
const deleted: SummaryNames = { template: () => undefined, segment: () => undefined, step: () => undefined };
const email = { ...sendEmail.defaults, templateId: ID };

describe('cards name what they use', () => {
  it('name a saved template, or say it was deleted, in every language', () => {
    expect(LOCALES.map((l) => summaryOf(sendEmail, email, l, named))).toEqual([
      'Template “Добродошлица”', 'Шаблон „Добродошлица“', 'Šablon „Добродошлица“', 'Predloga „Добродошлица“', 'Шаблон «Добродошлица»',
    ]);
    expect(LOCALES.map((l) => summaryOf(sendEmail, email, l, deleted))).toEqual([
      'A deleted template: choose another', 'Обрисани шаблон: изаберите други', 'Obrisani šablon: izaberite drugi',
      'Izbrisana predloga: izberite drugo', 'Удалённый шаблон: выберите другой',
    ]);
    // Without names (a list still loading, the server) the line names nothing, and no id.
    expect(summaryOf(sendEmail, email)).toBe('Sends a saved template');
    expect(summaryOf(sendEmail, email, 'sr-Latn', {})).toBe('Šalje sačuvani šablon');
  });

  it('show a subject\'s merge fields as words in the reader\'s language', () => {
    const subject = { ...sendEmail.defaults, subject: 'Hvala, {{ customer.firstName }}! Porudžbina {{order.id}} · {{ event.gift_card | default: "—" }}' };
    expect(LOCALES.map((l) => summaryOf(sendEmail, subject, l))).toEqual([
      '“Hvala, «first name»! Porudžbina «order number» · «gift card»”',
      '„Hvala, «име»! Porudžbina «број поруџбине» · «gift card»“',
      '„Hvala, «ime»! Porudžbina «broj porudžbine» · «gift card»“',
      '„Hvala, «ime»! Porudžbina «številka naročila» · «gift card»“',
      '«Hvala, „имя“! Porudžbina „номер заказа“ · „gift card“»',
    ]);
    expect(summaryOf(sendEmail, { ...subject, subject: '{% if coupon %}Your code {{ coupon.code }}{% endif %}' })).toBe('“Your code «coupon code»”');
  });

  it('name the segment of segment steps and triggers', () => {
    const segment = { segmentId: ID };
    expect(LOCALES.map((l) => summaryOf(segmentCondition, segment, l, named))).toEqual([
      'Is the customer in “VIP kupci”?', 'Да ли је купац у сегменту „VIP kupci“?', 'Da li je kupac u segmentu „VIP kupci“?',
      'Ali je kupec v segmentu „VIP kupci“?', 'Покупатель в сегменте «VIP kupci»?',
    ]);
    expect(summaryOf(segmentCondition, segment, 'ru', deleted)).toBe('Проверяет удалённый сегмент: выберите другой');
    expect(summaryOf(triggerSegmentEntered, segment, 'sl', named)).toBe('Ko kupec vstopi v segment „VIP kupci“');
    expect(summaryOf(triggerSegmentLeft, segment, 'sr-Cyrl', deleted)).toBe('Када купац изађе из обрисаног сегмента');
    expect(summaryOf(triggerSegmentLeft, segment, 'en', named)).toBe('When the customer leaves “VIP kupci”');
    expect(summaryOf(triggerBroadcast, { segmentId: ID, startAt: '' }, 'sr-Latn', named)).toBe('Svi u segmentu „VIP kupci“, čim se tok objavi');
    expect(summaryOf(triggerBroadcast, { segmentId: ID, startAt: '' }, 'en', deleted)).toBe('Everyone in a deleted segment, on publish');
    const schedule = { ...triggerSchedule.defaults, segmentId: ID };
    expect(summaryOf(triggerSchedule, schedule, 'en', named)).toMatch(/^Segment “VIP kupci” · Weekly on Monday at 10:00 local · next: /);
    expect(summaryOf(triggerSchedule, schedule, 'ru', deleted)).toMatch(/^Удалённый сегмент · Еженедельно: понедельник в 10:00/);
    expect(summaryOf(triggerSchedule, schedule, 'en')).toMatch(/^Weekly on Monday/);
  });

  it('keep event names as written, merge fields aside', () => {
    expect(summaryOf(triggerOnEvent, { ...triggerOnEvent.defaults, event: 'Order Completed' }, 'sr-Latn')).toBe('Kada se dogodi „Order Completed“');
  });
});

type Path = (string | number)[];

/** Every string in a config, by path (list items too). */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withValue(config: unknown, path: Path, value: string): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(config) ? [...config] : { ...(config as object) }) as Record<string | number, unknown>;
  copy[path[0]] = withValue(copy[path[0]], path.slice(1), value);
  return copy;
}

// The splits' arm and rule names are another change's (their branch ids are being reworked); their
// English lines still quote a name as typed.
const ARM_NAMES = new Set(['core/multi-split']);

describe('no built-in card shows an id or raw Liquid', () => {
  // Longest first; a field with a length limit takes the shorter ones.
  const LIQUID = ['Hi {{ customer.firstName }}{% if x %}!{% endif %}', '{{ customer.firstName }}', '{{a}}'];
  it.each((builtInNodeTypes as NodeTypeDefinition[]).map((d) => [d.id, d] as const))('%s', (_, def) => {
    // Every field holding an id refers to one (template, segment); then each string, in turn, holds Liquid.
    const idPaths = stringPaths(def.defaults).filter((p) => /Id$/.test(String(p.at(-1))));
    const base = idPaths.reduce<unknown>((c, p) => withValue(c, p, ID), def.defaults);
    // From the defaults too: a field may show only while no id is set (an email's own subject).
    const configs = [base];
    for (const from of [base, def.defaults]) {
      for (const path of ARM_NAMES.has(def.id) ? [] : stringPaths(from)) {
        const config = LIQUID.map((text) => withValue(from, path, text)).find((c) => def.config.safeParse(c).success);
        if (config) configs.push(config);
      }
    }
    for (const config of configs) {
      for (const locale of LOCALES) {
        for (const names of [undefined, named, deleted]) {
          const line = summaryOf(def, config, locale, names);
          expect(line, `${JSON.stringify(config)} in ${locale}`).not.toContain(ID);
          expect(line, `${JSON.stringify(config)} in ${locale}`).not.toMatch(/\{\{|\}\}|\{%|%\}/);
        }
      }
    }
  });

  it('checks configs that hold Liquid, not only ones refused as invalid', () => {
    const subject = withValue(sendEmail.defaults, ['subject'], LIQUID[0]);
    expect(sendEmail.config.safeParse(subject).success).toBe(true);
    expect(summaryOf(sendEmail, subject)).toBe('“Hi «first name»!”');
  });
});
