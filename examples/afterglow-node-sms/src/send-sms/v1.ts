// Send SMS as version 1 shipped it: a text and a kind. It stays registered so journeys
// published on it keep its behaviour exactly (the text sent as written, a capped customer
// skipped, only internationally written numbers); drafts move to version 2 (definition.ts).
import { defineNodeType, textTemplateIssues } from '@afterglow/node-sdk';
import { z } from 'zod';
import { sendSms } from './send.js';
import { smsSummary } from './summary.js';
import { translationsV1 } from './translations.js';
import { counters, kindField, look } from './ui.js';

export const configV1 = z.object({
  text: z.string().trim().min(1, 'Write the text').max(1600, 'An SMS gateway takes at most 1,600 characters')
    .meta({ label: 'Text', widget: 'textarea', help: 'Merge fields: {{ customer.firstName }}, {{ coupon.code }}' }),
  kind: z.enum(['marketing', 'transactional']).meta(kindField),
});

export const sendSmsV1 = defineNodeType({
  id: 'sms/send',
  version: 1,
  category: 'action',
  config: configV1,
  defaults: { text: 'Hi {{ customer.firstName }}!', kind: 'marketing' },
  ui: { ...look, summary: (c, locale) => smsSummary(c.text, 'keep', locale) },
  counters,
  execute: (ctx, c) => sendSms(ctx, { message: c.text, kind: c.kind, whenCapped: 'skip', alphabet: 'keep', countryCode: '' }),
  check: async (c) => textTemplateIssues(c.text).map((message) => ({ field: 'text', message })),
  translations: translationsV1,
});
