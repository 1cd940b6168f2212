// Alert staff: an email to the shop's team about the customer in the run (the negative-review
// rescue: a 1-star review reaches customer care within minutes). It goes to the workspace's
// users of a role, each in their own language, or to one team address in the shop's default
// language; at most N per hour per journey, the rest counted as rate limited. Transactional by
// nature: never frequency-capped, never held for quiet hours, whatever the customer's consent.
import { defineNodeType, next, NodeError, type StaffRole } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { composeAlert } from './message';
import { summaries, translations } from './translations';

const ROLES = ['owner', 'admin', 'marketer', 'manager', 'developer', 'viewer'] as const satisfies readonly StaffRole[];
const isEmail = (s: string) => z.email().safeParse(s).success;

const config = z.object({
  to: z.enum(['role', 'address']).meta({
    label: 'Send to', widget: 'select',
    options: [{ value: 'role', label: 'Every user with a role' }, { value: 'address', label: 'A team address' }],
  }),
  role: z.enum(ROLES).default('owner').meta({
    label: 'Role', widget: 'select', showIf: { to: 'role' },
    options: [
      { value: 'owner', label: 'Owners' }, { value: 'admin', label: 'Admins' }, { value: 'marketer', label: 'Marketers' },
      { value: 'manager', label: 'Managers' }, { value: 'developer', label: 'Developers' }, { value: 'viewer', label: 'Viewers' },
    ],
  }),
  address: z.string().trim().toLowerCase().max(254, 'An email address is at most 254 characters').default('').meta({
    label: 'Team address', showIf: { to: 'address' }, placeholder: 'care@yourshop.com',
    help: 'A user’s address, or one listed as a test email recipient under Settings > Sending limits',
  }),
  note: z.string().trim().max(1000, 'Keep the note under 1,000 characters').default('').meta({
    label: 'Note', widget: 'textarea', help: 'What the team should do, e.g. Call the customer within a day',
  }),
  perHour: z.number().int('Alerts are whole numbers').min(1, 'At least 1 alert an hour').max(1000, 'At most 1,000 alerts an hour')
    .default(10).meta({ label: 'Most alerts per hour', help: 'From this journey; more in the same hour are counted as rate limited, not sent' }),
}).superRefine((c, ctx) => {
  if (c.to === 'address' && !isEmail(c.address)) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'Enter an email address, such as care@yourshop.com' });
  }
});
export type AlertStaffConfig = z.output<typeof config>;

export const alertStaff = defineNodeType({
  id: 'core/alert-staff',
  version: 1,
  category: 'action',
  config,
  defaults: { to: 'role', role: 'owner', address: '', note: '', perHour: 10 },
  ui: {
    label: 'Alert staff',
    description: 'Emails the shop’s team about this customer, with the order and what the event carried.',
    icon: 'bell',
    color: 'amber',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [{ id: 'alerts', label: 'Alerts' }, { id: 'emails', label: 'Sent' }, { id: 'limited', label: 'Rate limited', tone: 'bad' }],
  execute: async (ctx, c) => {
    const outcome = await ctx.services.staff.alert({
      to: c.to === 'role' ? { role: c.role } : { address: c.address },
      perHour: c.perHour,
      compose: ({ locale, customerUrl }) => composeAlert({ customer: ctx.customer, trigger: ctx.run.trigger, note: c.note, locale, customerUrl }),
    });
    if (outcome.status === 'refused') throw new NodeError(outcome.reason, { code: 'config', field: 'address' });
    if (outcome.status === 'limited') ctx.count('limited');
    if (outcome.status === 'queued') ctx.count('alerts');
    return next();
  },
  translations,
});
