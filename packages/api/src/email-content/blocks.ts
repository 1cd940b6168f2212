// Saved content blocks: MJML sections a workspace keeps under a name (a header, a footer, a
// signature) to link into any template (linked-blocks.ts). Saving a block again makes the next
// version of every template using it; a template version stays the exact MJML it was made with,
// so published journeys send what they were published with (docs/email.md, "Saved blocks"). A
// block is checked as the body of an email before it is stored: a link never brings a broken one.
// A block in use is not deleted: each template would lose it on its next save.
import type { Queryable } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import { reversionTemplatesUsing } from '../templates/block-versions';
import { templatesUsingBlock } from '../templates/linked-content';
import { MARKER } from './linked-blocks';

export interface EmailBlock {
  id: string; name: string; mjml: string; updatedAt: Date; updatedBy: string | null;
  /** The templates whose newest version holds the block. */
  usedBy: { id: string; name: string }[];
}

/** The template check, given a whole MJML document (the sandbox's, in production). */
export type BlockCheck = (content: { subject: string; body: string }) => Promise<{ field: string; message: string }[]>;

/** The block as an email body, on the block's own first line, so a problem's line number is the block's. */
const asDocument = (mjml: string) => `<mjml><mj-body>${mjml}\n</mj-body></mjml>`;

async function assertValid(check: BlockCheck, mjml: string): Promise<void> {
  const issues = await check({ subject: '', body: asDocument(mjml) });
  if (issues.length === 0) return;
  throw new DomainError('INVALID', text('block.invalid', { problems: issues.map((i) => i.message).join('; ') }), 'mjml');
}

/** Runs `work` in a transaction: a new one on a pool, the caller's inside a transaction. */
function inTransaction<T>(sql: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return 'begin' in sql ? (sql.begin((tx) => work(tx)) as Promise<T>) : work(sql);
}

export async function listBlocks(sql: Queryable, workspaceId: string): Promise<EmailBlock[]> {
  return sql<EmailBlock[]>`
    select b.id, b.name, b.mjml, b.updated_at as "updatedAt", coalesce(nullif(u.name, ''), u.email) as "updatedBy",
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
        from email_templates t join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
        where t.workspace_id = b.workspace_id and strpos(v.body || v.variants::text, ${MARKER.before}::text || b.id || ${MARKER.after}::text) > 0), '[]') as "usedBy"
    from email_blocks b left join users u on u.id = b.updated_by
    where b.workspace_id = ${workspaceId} order by b.name`;
}

/**
 * A new block (no id) or a new content and name for one (an id), with the next version of every
 * template using it; refused when broken, when its name is taken, or when a template would break.
 */
export async function saveBlock(sql: Queryable, check: BlockCheck, opts: {
  workspaceId: string; userId: string | null; now: Date; id: string | null; name: string; mjml: string;
}): Promise<{ id: string }> {
  await assertValid(check, opts.mjml);
  const [taken] = await sql`select 1 as one from email_blocks
    where workspace_id = ${opts.workspaceId} and name = ${opts.name} and id is distinct from ${opts.id}`;
  if (taken) throw new DomainError('CONFLICT', text('block.nameTaken', { name: opts.name }), 'name');
  if (opts.id) {
    const id = opts.id;
    return inTransaction(sql, async (tx) => {
      const [row] = await tx<{ id: string }[]>`update email_blocks
        set name = ${opts.name}, mjml = ${opts.mjml}, updated_by = ${opts.userId}, updated_at = ${opts.now}
        where workspace_id = ${opts.workspaceId} and id = ${id} returning id`;
      if (!row) throw notFound('block', id);
      await reversionTemplatesUsing(tx, check, { ...opts, blockId: id });
      return row;
    });
  }
  const id = `blk_${randomBytes(9).toString('base64url')}`;
  await sql`insert into email_blocks (id, workspace_id, name, mjml, created_by, updated_by, created_at, updated_at)
    values (${id}, ${opts.workspaceId}, ${opts.name}, ${opts.mjml}, ${opts.userId}, ${opts.userId}, ${opts.now}, ${opts.now})`;
  return { id };
}

/** Refused while a template's newest version holds it, naming those templates. */
export async function deleteBlock(sql: Queryable, workspaceId: string, id: string): Promise<void> {
  const users = await templatesUsingBlock(sql, workspaceId, id);
  if (users.length) {
    const [block] = await sql<{ name: string }[]>`select name from email_blocks where workspace_id = ${workspaceId} and id = ${id}`;
    throw new DomainError('CONFLICT', text('block.inUse', { name: block?.name ?? id, templates: users.map((u) => `“${u.name}”`).join(', '), count: users.length }), 'id');
  }
  const [row] = await sql`delete from email_blocks where workspace_id = ${workspaceId} and id = ${id} returning id`;
  if (!row) throw notFound('block', id);
}
