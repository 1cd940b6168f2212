// The first account of an installation: its owner, made once, by the first-run page or by the
// demo seed. Both take one transaction-scoped advisory lock, then check that no user exists,
// so two requests (or a request and a server seeding the demo) never both make one.
import type { Database } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { z } from 'zod';
import { hashPassword } from '../auth/index';

export const firstOwnerSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(200),
  email: z.string().trim().max(320).pipe(z.email({ error: 'Enter an email address such as you@shop.com' })),
  password: z.string().min(12, 'Use at least 12 characters').max(1000),
  workspaceName: z.string().trim().min(1, 'Name your shop').max(200),
  /** Printed in the server's log at start (setup-code.ts): proves the person set up this server. */
  setupCode: z.string().trim().min(1, 'Enter the set-up code from the server’s start-up log').max(40),
});
export type FirstOwnerInput = z.infer<typeof firstOwnerSchema>;

/** Inside `tx`: waits for any other first-account creation, then says whether there is still no user. */
export async function claimFirstAccount(tx: postgres.TransactionSql): Promise<boolean> {
  await tx`select pg_advisory_xact_lock(hashtext('afterglow:first-account'))`;
  const [someone] = await tx`select 1 from users limit 1`;
  return !someone;
}

export async function hasNoUser(database: Database): Promise<boolean> {
  const [someone] = await database.sql`select 1 from users limit 1`;
  return !someone;
}

/** Creates the workspace and its owner; null when someone has an account already. */
export async function createFirstOwner(database: Database, input: Omit<FirstOwnerInput, 'setupCode'>, now: Date): Promise<{ userId: string; workspaceId: string } | null> {
  const passwordHash = await hashPassword(input.password);
  const workspaceId = `ws_${randomBytes(8).toString('hex')}`;
  const userId = `usr_${randomBytes(8).toString('hex')}`;
  return database.sql.begin(async (tx) => {
    if (!(await claimFirstAccount(tx))) return null;
    await tx`insert into workspaces (id, name, signing_secret, created_at)
      values (${workspaceId}, ${input.workspaceName}, ${database.secrets.seal(randomBytes(32).toString('hex'))}, ${now.toISOString()}::timestamptz)`;
    await tx`insert into users (id, workspace_id, email, name, password_hash, role, created_at)
      values (${userId}, ${workspaceId}, ${input.email}, ${input.name}, ${passwordHash}, 'owner', ${now.toISOString()}::timestamptz)`;
    return { userId, workspaceId };
  });
}
