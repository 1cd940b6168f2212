// The loyalty programme a test's shop runs: stored as raw settings (as a newer version or a hand
// edit might leave them), so the defaults the readers fill in are under test too.
import type { Queryable } from '@afterglow/db';

export const storeLoyaltySettings = (sql: Queryable, workspaceId: string, loyalty: object) => sql`
  update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{loyalty}', ${JSON.stringify(loyalty)}::text::jsonb)
  where id = ${workspaceId}`;
