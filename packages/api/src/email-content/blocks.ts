// Saved content blocks: MJML sections a workspace keeps under a name (a header, a footer, a
// signature) to insert into any template. An insert copies the block, so a template version is
// always the exact MJML it was saved with; saving a block again changes what later inserts copy,
// never a template that already holds a copy (docs/email.md, "Saved blocks"). A block is checked
// as the body of an email before it is stored: an insert never brings a broken one.
import type { Queryable } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';

export interface EmailBlock { id: string; name: string; mjml: string; updatedAt: Date; updatedBy: string | null }

/** The template check, given a whole MJML document (the sandbox's, in production). */
export type BlockCheck = (content: { subject: string; body: string }) => Promise<{ field: string; message: string }[]>;

/** The block as an email body, on the block's own first line, so a problem's line number is the block's. */
const asDocument = (mjml: string) => `<mjml><mj-body>${mjml}\n</mj-body></mjml>`;

async function assertValid(check: BlockCheck, mjml: string): Promise<void> {
  const issues = await check({ subject: '', body: asDocument(mjml) });
  if (issues.length === 0) return;
  throw new DomainError('INVALID', text('block.invalid', { problems: issues.map((i) => i.message).join('; ') }), 'mjml');
}

export async function listBlocks(sql: Queryable, workspaceId: string): Promise<EmailBlock[]> {
  return sql<EmailBlock[]>`
    select b.id, b.name, b.mjml, b.updated_at as "updatedAt", coalesce(nullif(u.name, ''), u.email) as "updatedBy"
    from email_blocks b left join users u on u.id = b.updated_by
    where b.workspace_id = ${workspaceId} order by b.name`;
}

/** A new block (no id) or a new content and name for one (an id); refused when broken or its name is taken. */
export async function saveBlock(sql: Queryable, check: BlockCheck, opts: {
  workspaceId: string; userId: string | null; now: Date; id: string | null; name: string; mjml: string;
}): Promise<{ id: string }> {
  await assertValid(check, opts.mjml);
  const [taken] = await sql`select 1 as one from email_blocks
    where workspace_id = ${opts.workspaceId} and name = ${opts.name} and id is distinct from ${opts.id}`;
  if (taken) throw new DomainError('CONFLICT', text('block.nameTaken', { name: opts.name }), 'name');
  if (opts.id) {
    const [row] = await sql<{ id: string }[]>`update email_blocks
      set name = ${opts.name}, mjml = ${opts.mjml}, updated_by = ${opts.userId}, updated_at = ${opts.now}
      where workspace_id = ${opts.workspaceId} and id = ${opts.id} returning id`;
    if (!row) throw notFound('block', opts.id);
    return row;
  }
  const id = `blk_${randomBytes(9).toString('base64url')}`;
  await sql`insert into email_blocks (id, workspace_id, name, mjml, created_by, updated_by, created_at, updated_at)
    values (${id}, ${opts.workspaceId}, ${opts.name}, ${opts.mjml}, ${opts.userId}, ${opts.userId}, ${opts.now}, ${opts.now})`;
  return { id };
}

/** Templates holding a copy keep it. */
export async function deleteBlock(sql: Queryable, workspaceId: string, id: string): Promise<void> {
  const [row] = await sql`delete from email_blocks where workspace_id = ${workspaceId} and id = ${id} returning id`;
  if (!row) throw notFound('block', id);
}
