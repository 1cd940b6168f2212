// Templates and their immutable versions. Every save that changes the content writes a new
// version after the template check passes, so a broken template never reaches the table
// and a journey published earlier keeps sending the version it was published with.
import type { Queryable, Sql } from '@afterglow/db';
import {
  checkEmailTemplate, isTemplateLanguage, starterTemplate, starterTitle, type LocalisedTemplate, type StarterTemplate, type TemplateVariants,
} from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import { randomBytes } from 'node:crypto';
import { say, text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import { checkLanguages, sameContent, type ContentIssue } from './content';
import { expandTemplateLinks } from './linked-content';

/** The main text, its language, and the other languages' variants. */
export type TemplateContent = LocalisedTemplate;

export interface TemplateRow extends TemplateContent {
  id: string; name: string; description: string; starter: string | null; kind: 'marketing' | 'transactional';
  version: number; updatedAt: Date;
}

export type SaveResult = { ok: true; id: string; version: number } | { ok: false; issues: ContentIssue[] };

/** checkEmailTemplate, or the sandbox's check for content a request brings. */
export type TemplateCheck = (content: { subject: string; body: string }) => Promise<ContentIssue[]>;

/** A stored version's language columns, read leniently (a value written by hand falls back). */
export const localised = <T extends { subject: string; preheader: string; body: string; language: string; variants: TemplateVariants | null }>(row: T): T & TemplateContent =>
  ({ ...row, language: isTemplateLanguage(row.language) ? row.language : 'en', variants: row.variants ?? {} });

export async function getTemplate(sql: Queryable, workspaceId: string, id: string): Promise<TemplateRow> {
  const [row] = await sql<(Omit<TemplateRow, 'language'> & { language: string })[]>`
    select t.id, t.name, t.description, t.starter, t.kind, t.latest_version as version, t.updated_at as "updatedAt",
           v.subject, v.preheader, v.body, v.language, v.variants
    from email_templates t
    join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
    where t.workspace_id = ${workspaceId} and t.id = ${id}`;
  if (!row) throw notFound('template', id);
  return localised(row);
}

/** A starter's translations (none for a starter that has not been translated). */
export const starterVariants = (starter: StarterTemplate): TemplateVariants =>
  ('variants' in starter ? (starter as { variants?: TemplateVariants }).variants : undefined) ?? {};

/** A template's first version made from a starter: English main text, the translations as variants. */
export const starterContent = (starter: StarterTemplate): TemplateContent =>
  ({ subject: starter.subject, preheader: starter.preheader, body: starter.body, language: 'en', variants: starterVariants(starter) });

export async function insertVersion(sql: Queryable, opts: { workspaceId: string; id: string; version: number; userId: string | null; now: Date }, content: TemplateContent) {
  await sql`insert into email_template_versions
      (workspace_id, template_id, version, subject, preheader, body, language, variants, created_by, created_at)
    values (${opts.workspaceId}, ${opts.id}, ${opts.version}, ${content.subject}, ${content.preheader}, ${content.body},
      ${content.language}, ${sql.json(content.variants as never)}, ${opts.userId}, ${opts.now})`;
}

async function nameTaken(sql: Queryable, workspaceId: string, name: string, exceptId: string | null) {
  const [row] = await sql`select 1 as one from email_templates
    where workspace_id = ${workspaceId} and name = ${name} and id is distinct from ${exceptId}`;
  return Boolean(row);
}

/** "Review request", "Review request (2)", ...: a starter can be used more than once. */
async function freeName(sql: Queryable, workspaceId: string, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted} (${n})`;
    if (!(await nameTaken(sql, workspaceId, name, null))) return name;
  }
}

/** Runs `work` in a transaction: a new one on a pool, the caller's inside a transaction. */
function inTransaction<T>(sql: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return 'begin' in sql ? (sql.begin((tx) => work(tx)) as Promise<T>) : work(sql);
}

export async function createTemplate(sql: Queryable, opts: {
  workspaceId: string; userId: string | null; now: Date; name?: string; starter?: string;
  /** The creator's language: a template made from a starter is named in it. */
  locale?: Locale;
}): Promise<SaveResult> {
  const starter: StarterTemplate | undefined = opts.starter ? starterTemplate(opts.starter) : undefined;
  if (opts.starter && !starter) throw new DomainError('NOT_FOUND', text('template.noSuchStarter', { starter: opts.starter }), 'starter');
  const content: TemplateContent = starter
    ? starterContent(starter)
    : {
      subject: 'Hello {{ customer.firstName }}',
      preheader: '',
      body: '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hi {{ customer.firstName }},</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
      language: 'en', variants: {},
    };
  // A starter or the default: content of this code base, checked in-process.
  const issues = await checkLanguages(content, checkEmailTemplate);
  if (issues.length) return { ok: false, issues };
  // Named and described in the creator's language (the texts stay the starter's, every language).
  const title = starter ? starterTitle(starter, opts.locale ?? 'en') : null;
  const id = await insertTemplate(sql, {
    ...opts, name: opts.name?.trim() || title?.name || say(text('template.untitled'), opts.locale ?? 'en'),
    description: title?.description ?? '', starter: starter?.key ?? null, kind: starter?.kind ?? 'marketing',
  }, content);
  return { ok: true as const, id, version: 1 };
}

/**
 * A new template with checked content as its first version, under `name` or the next free
 * "name (2)"; the template and its version appear together or not at all.
 */
export async function insertTemplate(sql: Queryable, opts: {
  workspaceId: string; userId: string | null; now: Date; name: string; description: string; starter: string | null; kind: 'marketing' | 'transactional';
}, content: TemplateContent): Promise<string> {
  const id = `tpl_${randomBytes(9).toString('base64url')}`;
  return inTransaction(sql, async (tx) => {
    const name = await freeName(tx, opts.workspaceId, opts.name);
    await tx`insert into email_templates (id, workspace_id, name, description, starter, kind, latest_version, created_at, updated_at)
      values (${id}, ${opts.workspaceId}, ${name}, ${opts.description}, ${opts.starter}, ${opts.kind}, 1, ${opts.now}, ${opts.now})`;
    await insertVersion(tx, { ...opts, id, version: 1 }, content);
    return id;
  });
}

export async function saveTemplate(sql: Sql, check: TemplateCheck, opts: {
  workspaceId: string; userId: string | null; now: Date; id: string; name: string;
  kind: 'marketing' | 'transactional'; content: TemplateContent; locale?: Locale;
}): Promise<SaveResult> {
  // The version holds each linked block's content as it is now (linked-content.ts), checked with the rest.
  const linked = await expandTemplateLinks(sql, opts.workspaceId, opts.content, opts.locale);
  const content = linked.template;
  const issues = linked.issues.length ? linked.issues : await checkLanguages(content, check);
  if (issues.length) return { ok: false, issues };
  if (await nameTaken(sql, opts.workspaceId, opts.name, opts.id)) {
    throw new DomainError('CONFLICT', text('template.nameTaken', { name: opts.name }), 'name');
  }
  return sql.begin(async (tx) => {
    // The row lock serialises concurrent saves, so version numbers never clash.
    const [current] = await tx<{ version: number }[]>`select latest_version as version from email_templates
      where workspace_id = ${opts.workspaceId} and id = ${opts.id} for update`;
    if (!current) throw notFound('template', opts.id);
    const [latest] = await tx<(TemplateContent & { language: string })[]>`select subject, preheader, body, language, variants
      from email_template_versions where template_id = ${opts.id} and version = ${current.version}`;
    const same = latest && sameContent(localised(latest), content);
    const version = same ? current.version : current.version + 1;
    if (!same) await insertVersion(tx, { ...opts, version }, content);
    await tx`update email_templates set name = ${opts.name}, kind = ${opts.kind}, latest_version = ${version}, updated_at = ${opts.now}
      where id = ${opts.id}`;
    return { ok: true as const, id: opts.id, version };
  }) as Promise<SaveResult>;
}

/** Publish-time check of an email node that uses a saved template. */
export async function checkSavedTemplate(sql: Queryable, check: TemplateCheck, workspaceId: string, templateId: string) {
  const [row] = await sql<(TemplateContent & { name: string; language: string })[]>`
    select t.name, v.subject, v.preheader, v.body, v.language, v.variants from email_templates t
    join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
    where t.workspace_id = ${workspaceId} and t.id = ${templateId}`;
  // Said without the id: the marketer picked the template by its name (the node type translates it).
  if (!row) return [{ field: 'templateId', message: 'The template no longer exists: choose another' }];
  // Saved versions passed this check already; a stricter check in a newer Afterglow may not.
  const issues = await checkLanguages(localised(row), check);
  return issues.map((i) => ({ field: 'templateId', message: `Template “${row.name}” (${i.field}): ${i.message}` }));
}

/** Every starter as a template of the workspace (the demo seed). */
export async function addStarterTemplates(sql: Queryable, workspaceId: string, now: Date, starters: readonly StarterTemplate[]) {
  for (const starter of starters) {
    const result = await createTemplate(sql, { workspaceId, userId: null, now, starter: starter.key });
    if (!result.ok) throw new Error(`Starter ${starter.key} is broken: ${JSON.stringify(result.issues)}`);
  }
}

export interface TemplateUse { templateId: string; journeyId: string; name: string; status: string }

/**
 * Journeys whose published version sends a template (a node config naming it), so the
 * editor can say who keeps the old version until they are published again.
 */
export async function templateUses(sql: Queryable, workspaceId: string, templateId: string | null): Promise<TemplateUse[]> {
  return sql<TemplateUse[]>`
    select distinct n.node->'config'->>'templateId' as "templateId", j.id as "journeyId", j.name, j.status
    from journeys j
    join journey_versions v on v.id = j.current_version_id
    cross join lateral jsonb_array_elements(v.graph->'nodes') as n(node)
    where j.workspace_id = ${workspaceId}
      and n.node->'config'->>'templateId' is not null and n.node->'config'->>'templateId' <> ''
      and (${templateId}::text is null or n.node->'config'->>'templateId' = ${templateId})
    order by j.name`;
}
