// Settings > Integrations: plugin services' per-workspace settings and the plugins' hook URLs.
// Thin: the work is in integrations/settings.ts; who may, permissions.ts says.
import { z } from 'zod';
import { listIntegrations, saveIntegration } from '../integrations/settings';
import { protectedProcedure, router } from './init';

export const integrationsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listIntegrations(ctx.deps, ctx.user.workspaceId)),
  save: protectedProcedure
    .input(z.object({
      id: z.string({ error: 'id is required' }).min(1, 'id is required').max(200, 'id is at most 200 characters'),
      values: z.record(z.string(), z.unknown(), { error: 'values must be an object' }),
    }))
    .mutation(({ ctx, input }) => saveIntegration(ctx.deps, ctx.user, input.id, input.values)),
});
