// Update profile: one change to the customer's profile per step (set or clear an attribute,
// add or remove a tag), written with the step through the profile service. Each change is
// idempotent, so a step retried after a crash leaves the profile as one run would.
import { defineNodeType, next, renderTextTemplate, textMergeData, textTemplateIssues } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

/** Kept in their own columns (and set by identify): an attribute of the same name would shadow nothing. */
const PROFILE_FIELDS = new Set(['email', 'firstName', 'first_name', 'lastName', 'last_name', 'birthday', 'timezone',
  'locale', 'language', 'marketing_consent', 'tags']);

const actions = [
  { value: 'set-attribute', label: 'Set an attribute' },
  { value: 'clear-attribute', label: 'Clear an attribute' },
  { value: 'add-tag', label: 'Add a tag' },
  { value: 'remove-tag', label: 'Remove a tag' },
] as const;
type Action = (typeof actions)[number]['value'];
const onAttribute: Action[] = ['set-attribute', 'clear-attribute'];
const onTag: Action[] = ['add-tag', 'remove-tag'];

const config = z.object({
  action: z.enum(['set-attribute', 'clear-attribute', 'add-tag', 'remove-tag']).meta({ label: 'Change', widget: 'select', options: [...actions] }),
  attribute: z.string().trim().max(100, 'Keep the attribute name under 100 characters')
    .regex(/^[\p{L}\p{N}_.-]*$/u, 'An attribute name has only letters, digits and _ . -')
    .refine((a) => !PROFILE_FIELDS.has(a), 'This is a profile field of its own, not an attribute')
    .meta({ label: 'Attribute', placeholder: 'city', showIf: { action: onAttribute } }),
  value: z.string().max(1_000, 'Keep the value under 1,000 characters')
    .meta({ label: 'Value', placeholder: '{{ event.city }}', showIf: { action: 'set-attribute' },
      help: 'Text, with merge fields such as {{ event.city }} or {{ customer.firstName }}; empty: the attribute stays as it was' }),
  tag: z.string().trim().max(100, 'Keep the tag under 100 characters').refine((t) => !t.includes(','), 'A tag has no commas')
    .meta({ label: 'Tag', placeholder: 'VIP', showIf: { action: onTag } }),
}).superRefine((c, ctx) => {
  if (onAttribute.includes(c.action) && !c.attribute) ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'Name the attribute' });
  if (onTag.includes(c.action) && !c.tag) ctx.addIssue({ code: 'custom', path: ['tag'], message: 'Name the tag' });
});
export type UpdateProfileConfig = z.output<typeof config>;

export const updateProfile = defineNodeType({
  id: 'core/update-profile',
  version: 1,
  category: 'action',
  config,
  defaults: { action: 'add-tag', attribute: '', value: '', tag: '' },
  ui: {
    label: 'Update profile',
    description: 'Sets or clears an attribute of the customer, or adds or removes a tag.',
    icon: 'tag',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [{ id: 'updated', label: 'Updated', tone: 'good' }, { id: 'skipped', label: 'Skipped' }],
  execute: async (ctx, c) => {
    const profile = ctx.services.profile;
    if (c.action === 'add-tag') await profile.update({ addTags: [c.tag] });
    else if (c.action === 'remove-tag') await profile.update({ removeTags: [c.tag] });
    else if (c.action === 'clear-attribute') await profile.update({ attributes: { [c.attribute]: null } });
    else {
      const value = renderTextTemplate(c.value, textMergeData(ctx.customer, ctx.run)).trim();
      if (!value) {
        ctx.count('skipped');
        return next();
      }
      await profile.update({ attributes: { [c.attribute]: value } });
    }
    ctx.count('updated');
    return next();
  },
  check: async (c) => (c.action === 'set-attribute' ? textTemplateIssues(c.value).map((message) => ({ field: 'value', message })) : []),
  translations,
});
