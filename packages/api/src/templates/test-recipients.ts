// Who may receive a test email. A test carries whatever the draft holds, sent from the
// shop's domain: to any address it would be a way to mail anyone anything. So tests go to
// the workspace's own users, or to the addresses its owner approved (testRecipients in
// the sending limits), and nowhere else.
import type { Queryable } from '@afterglow/db';
import { readWorkspaceSettings } from '@afterglow/journey-core';
import { text } from '../i18n/catalogue';
import { DomainError } from '../journeys/errors';

export interface TestRecipient { email: string; name: string; source: 'user' | 'approved' }

/** The workspace's users (by name), then the approved addresses; each address once. */
export async function testRecipients(sql: Queryable, workspaceId: string): Promise<TestRecipient[]> {
  const users = await sql<{ email: string; name: string }[]>`
    select lower(email) as email, name from users where workspace_id = ${workspaceId} order by lower(name), lower(email)`;
  const [workspace] = await sql<{ settings: unknown }[]>`select settings from workspaces where id = ${workspaceId}`;
  const known = new Set(users.map((u) => u.email));
  const approved = readWorkspaceSettings(workspace?.settings).testRecipients.filter((email) => !known.has(email));
  return [
    ...users.map((u): TestRecipient => ({ email: u.email, name: u.name, source: 'user' })),
    ...approved.map((email): TestRecipient => ({ email, name: '', source: 'approved' })),
  ];
}

/** Refuses (400, field `to`) an address that is neither a user's nor approved. */
export async function assertTestRecipient(sql: Queryable, workspaceId: string, to: string): Promise<void> {
  const allowed = await testRecipients(sql, workspaceId);
  if (allowed.some((r) => r.email === to.trim().toLowerCase())) return;
  throw new DomainError('INVALID',text('template.testRecipientRefused', { address: to }), 'to');
}
