// Send SMS, version 2: the message gets its own editor (a live SMS count), an alphabet choice
// that can make a Cyrillic or č-ć-š-ž message fit GSM-7 (160 characters per SMS instead of
// 70: half the cost or less), a choice at the frequency cap, and a country code for numbers
// stored without one. Version 1's configs are migrated below; v1.ts keeps its behaviour.
import { defineNodeType, textTemplateIssues } from '@afterglow/node-sdk';
import { z } from 'zod';
import { MAX_SMS_BODY } from '../twilio/service.js';
import { sendSms } from './send.js';
import { smsSummary } from './summary.js';
import { translations } from './translations.js';
import { counters, kindField, look } from './ui.js';

const config = z.object({
  message: z.string().trim().min(1, 'Write the message').max(MAX_SMS_BODY, 'An SMS gateway takes at most 1,600 characters').meta({
    label: 'Message', widget: 'sms/message', placeholder: 'Hi {{ customer.firstName }}, your code: {{ coupon.code }}',
    help: 'Merge fields: {{ customer.firstName }}, {{ coupon.code }}, {{ event.order_id }}; add | default: "…" for a value that may be missing',
  }),
  kind: z.enum(['marketing', 'transactional']).meta(kindField),
  whenCapped: z.enum(['skip', 'hold']).default('skip').meta({
    label: 'If the frequency cap is reached', widget: 'select', showIf: { kind: 'marketing' },
    options: [{ value: 'skip', label: 'Skip this SMS' }, { value: 'hold', label: 'Hold it until the customer can receive it' }],
  }),
  alphabet: z.enum(['keep', 'latin']).default('keep').meta({
    label: 'Alphabet', widget: 'select',
    help: 'Cyrillic letters or č, ć, š, ž, đ send the whole SMS as Unicode: 70 characters instead of 160. Latin writes them as c, s, z, dj.',
    options: [{ value: 'keep', label: 'Keep as written' }, { value: 'latin', label: 'Latin without diacritics (GSM-7: 160 characters per SMS)' }],
  }),
  countryCode: z.string().trim().regex(/^([1-9]\d{0,2})?$/, 'The country calling code in digits, e.g. 381').default('').meta({
    label: 'Country code for local numbers', placeholder: '381',
    help: 'E.g. 381: 060 123 4567 is sent to +381 60 123 4567. Empty: only numbers written with + or 00 are sent',
  }),
});

export const sendSmsV2 = defineNodeType({
  id: 'sms/send',
  version: 2,
  category: 'action',
  config,
  defaults: { message: 'Hi {{ customer.firstName }}!', kind: 'marketing', whenCapped: 'skip', alphabet: 'keep', countryCode: '' },
  ui: { ...look, summary: (c, locale) => smsSummary(c.message, c.alphabet, locale) },
  counters,
  execute: (ctx, c) => sendSms(ctx, c),
  check: async (c) => textTemplateIssues(c.message).map((message) => ({ field: 'message', message })),
  migrations: [{
    from: 1,
    up: ({ text, ...rest }) => ({ ...rest, message: text, whenCapped: 'skip', alphabet: 'keep', countryCode: '' }),
    note: '“Text” is now “Message”, with a live SMS count. New “Alphabet” setting: “Latin without diacritics” writes Cyrillic and č, ć, š, ž, đ as plain Latin letters so one SMS holds 160 characters instead of 70 (GSM-7 instead of Unicode); this step keeps its text as written until you choose it. Also new: hold or skip at the frequency cap (skip, as before) and a country code for local numbers (none, as before).',
  }],
  translations,
});
