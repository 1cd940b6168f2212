// The categories' buying cycles (Settings > Buying cycles): how long a purchase from a category
// lasts, for replenishment predictions of products without a cycle of their own (a product's own
// comes with its order lines, buying_cycle_days). Saved as a whole list: the card edits it so.
// Categories match ignoring case, so a category named twice keeps its last row.
import { z } from 'zod';
import type { ApiDeps } from './deps';

const days = z.number({ error: 'Days must be a whole number' }).int('Days must be a whole number')
  .min(1, 'At least 1 day').max(3650, 'At most 3650 days');

export const buyingCyclesInput = z.object({
  cycles: z.array(z.object({
    category: z.string().trim().min(1, 'Name the category').max(200, 'Keep the name under 200 characters'),
    minDays: days,
    maxDays: days,
  }).refine((c) => c.maxDays >= c.minDays, { path: ['maxDays'], message: 'The longest is at least the shortest' }))
    .max(200, 'At most 200 categories'),
});

export async function buyingCyclesOf(deps: ApiDeps, workspaceId: string) {
  const rows = await deps.database.sql<{ category: string; minDays: number; maxDays: number }[]>`
    select category, min_days as "minDays", max_days as "maxDays" from category_buying_cycles
    where workspace_id = ${workspaceId} order by lower(category)`;
  return rows.map((r) => ({ ...r }));
}

export async function saveBuyingCycles(deps: ApiDeps, workspaceId: string, input: z.output<typeof buyingCyclesInput>) {
  const cycles = [...new Map(input.cycles.map((c) => [c.category.toLowerCase(), c])).values()];
  await deps.database.sql.begin(async (tx) => {
    await tx`delete from category_buying_cycles where workspace_id = ${workspaceId}`;
    if (cycles.length === 0) return;
    await tx`insert into category_buying_cycles (workspace_id, category, min_days, max_days)
      select ${workspaceId}, c.category, c."minDays", c."maxDays"
      from jsonb_to_recordset(${JSON.stringify(cycles)}::text::jsonb) as c(category text, "minDays" int, "maxDays" int)`;
  });
  return buyingCyclesOf(deps, workspaceId);
}
