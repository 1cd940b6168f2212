import { defineNodeType, hold, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const oneLine = (what: string) => (s: string) => !/[\r\n]/.test(s) || `${what} must be a single line`;

const inline = { showIf: { templateId: '' } };

const config = z.object({
  // '' = the inline subject and body below; else a saved template, pinned at publish.
  templateId: z.string().max(100).default('').meta({
    label: 'Template', widget: 'email-template',
    help: 'A saved template from the Templates page, or write this email here',
  }),
  subject: z.string().trim().min(1, 'Write a subject line').max(200, 'Keep the subject under 200 characters')
    .refine((s) => oneLine('Subject')(s) === true, 'Subject must be a single line')
    .meta({ ...inline, label: 'Subject', help: 'Merge fields work here too, e.g. {{ customer.firstName }}' }),
  preheader: z.string().max(200).meta({ ...inline, label: 'Preview text', help: 'Shown after the subject in most inboxes' }),
  body: z.string().min(1, 'Write the email body').max(200_000)
    .meta({ ...inline, label: 'Body (MJML)', widget: 'mjml', help: 'MJML with merge fields: {{ customer.firstName }}, {% for item in order.items %}…' }),
  kind: z.enum(['marketing', 'transactional']).meta({
    label: 'Type', widget: 'select',
    options: [{ value: 'marketing', label: 'Marketing (honours unsubscribes)' }, { value: 'transactional', label: 'Transactional' }],
  }),
  // The ids match the topics of the recipients' preference page (EMAIL_TOPICS in @afterglow/email).
  topic: z.enum(['', 'offers', 'new_products', 'reviews', 'loyalty']).default('').meta({
    label: 'Topic', widget: 'select', showIf: { kind: 'marketing' },
    help: 'Customers who turned this topic off on their preference page are skipped',
    options: [
      { value: '', label: 'None (every subscribed customer)' }, { value: 'offers', label: 'Offers and promotions' },
      { value: 'new_products', label: 'New products' }, { value: 'reviews', label: 'Review requests' },
      { value: 'loyalty', label: 'Points and rewards' },
    ],
  }),
  whenCapped: z.enum(['skip', 'hold']).default('skip').meta({
    label: 'If the frequency cap is reached', widget: 'select', showIf: { kind: 'marketing' },
    options: [{ value: 'skip', label: 'Skip this email' }, { value: 'hold', label: 'Hold it until the customer can receive it' }],
  }),
});
export type SendEmailConfig = z.output<typeof config>;

export const sendEmail = defineNodeType({
  id: 'core/send-email',
  version: 1,
  category: 'action',
  config,
  defaults: {
    templateId: '',
    subject: 'Thank you, {{ customer.firstName }}!',
    preheader: '',
    body: '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hi {{ customer.firstName }},</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>',
    kind: 'marketing',
    topic: '',
    whenCapped: 'skip',
  },
  ui: {
    label: 'Send email',
    description: 'Sends a personalised email built with MJML and merge fields.',
    icon: 'mail',
    color: 'emerald',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [
    { id: 'emails', label: 'Sent' }, { id: 'opens', label: 'Opened', tone: 'good' }, { id: 'clicks', label: 'Clicked', tone: 'good' },
    // Bounced, and of those the hard (the address will never work) and the soft (a full mailbox, a block).
    { id: 'bounces', label: 'Bounced', tone: 'bad' }, { id: 'hard_bounces', label: 'Hard bounces', tone: 'bad' },
    { id: 'soft_bounces', label: 'Soft bounces' }, { id: 'unsubscribes', label: 'Unsubscribed', tone: 'bad' },
    { id: 'suppressed', label: 'Suppressed' },
  ],
  execute: async (ctx, c) => {
    const outcome = await ctx.services.email.send({
      subject: c.subject, body: c.body, preheader: c.preheader, kind: c.kind, whenCapped: c.whenCapped,
      ...(c.templateId ? { templateId: c.templateId } : {}),
      ...(c.topic && c.kind === 'marketing' ? { topic: c.topic } : {}),
    });
    // Quiet hours or a held cap: this step runs again when they end.
    return outcome.status === 'held' ? hold(outcome.until, outcome.reason) : next();
  },
  check: async (c, ctx) => {
    if (!c.templateId) return ctx.checkEmailTemplate({ subject: c.subject, body: c.body });
    if (!ctx.checkSavedTemplate) return [{ field: 'templateId', message: `Template ${c.templateId} cannot be checked here` }];
    return ctx.checkSavedTemplate(c.templateId);
  },
  translations,
});
