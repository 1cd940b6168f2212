// Go to: a loop. Its "Again" branch is drawn back to an earlier step on the canvas (a reminder,
// then a wait, then Go to), and each run takes it at most `times` times; then the run goes on
// along "Limit reached", or ends there when that is not connected. The bound is declared (`loop`),
// so graph validation allows this cycle and no other, and the engine counts the turns in the
// run's context and refuses one more than the limit, whatever a step returns.
import { defineNodeType, loopTurns, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({
  times: z.number({ error: 'Enter how many times' }).int('Use a whole number').min(1, 'Go back at least once')
    .max(100, 'Go back at most 100 times').meta({
      label: 'Times to go back',
      help: 'Per customer’s run. Each time, the steps from the one “Again” leads to run once more; after that the customer goes on along “Limit reached”, or leaves the journey when it is not connected',
    }),
});
export type GoToConfig = z.output<typeof config>;

export const goTo = defineNodeType({
  id: 'core/go-to',
  version: 1,
  category: 'action',
  config,
  defaults: { times: 3 },
  ui: {
    label: 'Go to',
    description: 'Sends the customer back to an earlier step (connect “Again” to it), a limited number of times per run.',
    // Two arrows turning back on each other: a loop.
    icon: { path: 'M4 12a8 8 0 0 1 14-5.3M20 4v4h-4M20 12a8 8 0 0 1-14 5.3M4 20v-4h4' },
    color: 'slate',
    branches: [{ id: 'again', label: 'Again' }, { id: 'limit', label: 'Limit reached' }],
    // The step "Again" leads to is named by the canvas (its label, never its id).
    summary: (c, locale, names) => summarize(summaries, { ...c, target: names?.branch?.('again') ?? null }, locale),
  },
  loop: { branch: 'again', limit: (c) => c.times },
  execute: (ctx, c) => next(loopTurns(ctx) < c.times ? 'again' : 'limit'),
  translations,
});
