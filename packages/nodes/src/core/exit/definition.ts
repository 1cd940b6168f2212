import { defineNodeType, exit } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({
  reason: z.string().trim().min(1, 'Name the exit, it labels the analytics').max(100).meta({ label: 'Exit label' }),
});
export type ExitConfig = z.output<typeof config>;

export const exitJourney = defineNodeType({
  id: 'core/exit',
  version: 1,
  category: 'action',
  config,
  defaults: { reason: 'Completed' },
  ui: {
    label: 'Exit',
    description: 'Ends the journey for the customer.',
    icon: 'flag',
    color: 'slate',
    branches: [],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  execute: (_ctx, c) => exit(c.reason),
  translations,
});
