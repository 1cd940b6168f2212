// The two procedures of a Settings card that edits one section of workspaces.settings whole:
// `settings` reads it with its defaults, `saveSettings` validates and stores it.
import type { WorkspaceSettingsSection } from '@afterglow/db';
import type { z } from 'zod';
import { notFound } from '../journeys/errors';
import { protectedProcedure } from './init';

function found<T>(workspaceId: string) {
  return (value: T | null): T => {
    if (value === null) throw notFound('workspace', workspaceId);
    return value;
  };
}

export function settingsProcedures<S extends z.ZodType>(section: WorkspaceSettingsSection<z.output<S>>, schema: S) {
  return {
    settings: protectedProcedure.query(({ ctx }) =>
      section.get(ctx.deps.database.sql, ctx.user.workspaceId).then(found(ctx.user.workspaceId))),
    saveSettings: protectedProcedure.input(schema).mutation(({ ctx, input }) =>
      section.save(ctx.deps.database.sql, ctx.user.workspaceId, input as z.output<S>).then(found(ctx.user.workspaceId))),
  };
}
