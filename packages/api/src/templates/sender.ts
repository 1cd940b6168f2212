// A template's own sender (from name and address, reply-to), kept beside the template rather
// than in its versions: who an email is from is not part of its text, and changing it needs no
// new version. null: the workspace's sender applies whole.
import type { Queryable } from '@afterglow/db';
import type { SenderIdentity } from '@afterglow/journey-core';
import { notFound } from '../journeys/errors';

export async function templateSender(sql: Queryable, workspaceId: string, id: string): Promise<SenderIdentity | null> {
  const [row] = await sql<{ sender: SenderIdentity | null }[]>`
    select sender from email_templates where workspace_id = ${workspaceId} and id = ${id}`;
  if (!row) throw notFound('template', id);
  return row.sender;
}

export async function saveTemplateSender(sql: Queryable, workspaceId: string, id: string, sender: SenderIdentity | null, now: Date) {
  const rows = await sql`update email_templates set sender = ${sender ? sql.json(sender as never) : null}, updated_at = ${now}
    where workspace_id = ${workspaceId} and id = ${id} returning id`;
  if (rows.length === 0) throw notFound('template', id);
  return { sender };
}
