import { protectedProcedure, router } from './init';

export const eventsRouter = router({
  /** Event names seen in the workspace, most recently seen first (trigger autocomplete). */
  names: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<{ name: string }[]>`
      select name from events where workspace_id = ${ctx.user.workspaceId} and name is not null
      group by name order by max(timestamp) desc, name limit 500`;
    return rows.map((r) => r.name);
  }),
});
