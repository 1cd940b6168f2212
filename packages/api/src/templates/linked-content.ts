// A template's saved-block links (email-content/linked-blocks.ts) across its languages: expanded
// to the blocks' current content when a version is made, previewed or test-sent, folded back when
// a version is loaded into the editor. A block saved again makes the next version of every
// template whose newest version holds it (block-versions.ts).
import type { Locale } from '@afterglow/i18n';
import type { LocalisedTemplate } from '@afterglow/email';
import type { Queryable } from '@afterglow/db';
import { expandedMarker, expandLinks, foldLinks, linksIn, type LinkedBlock } from '../email-content/linked-blocks';
import { say, text } from '../i18n/catalogue';
import { eachText, type ContentIssue } from './content';

function mapBodies(template: LocalisedTemplate, map: (body: string, prefix: string) => string): LocalisedTemplate {
  const variants = Object.fromEntries(Object.entries(template.variants).map(([language, v]) => [language, { ...v, body: map(v.body, `variants.${language}.`) }]));
  return { ...template, body: map(template.body, ''), variants };
}

/** The template with every link expanded to its block's current content; a link to a deleted block is a problem. */
export async function expandTemplateLinks(sql: Queryable, workspaceId: string, template: LocalisedTemplate, locale: Locale = 'en'):
  Promise<{ template: LocalisedTemplate; issues: ContentIssue[] }> {
  const ids = [...new Set(eachText(template).flatMap(({ text: t }) => linksIn(t.body).map((l) => l.id)))];
  if (ids.length === 0) return { template, issues: [] };
  const rows = await sql<({ id: string } & LinkedBlock)[]>`select id, name, mjml from email_blocks
    where workspace_id = ${workspaceId} and id = any(${ids}::text[])`;
  const blocks = new Map(rows.map((r) => [r.id, r]));
  const issues: ContentIssue[] = [];
  const expanded = mapBodies(template, (body, prefix) => {
    const result = expandLinks(body, blocks);
    for (const m of result.missing) issues.push({ field: `${prefix}body`, message: say(text('block.missing', { name: m.name }), locale) });
    return result.body;
  });
  return { template: expanded, issues };
}

/** A stored version as the editor edits it: each expanded block back to its link. */
export const foldTemplateLinks = <T extends LocalisedTemplate>(template: T): T => ({ ...template, ...mapBodies(template, foldLinks) });

/** The templates whose newest version holds block `blockId` (in any language). */
export async function templatesUsingBlock(sql: Queryable, workspaceId: string, blockId: string) {
  return sql<{ id: string; name: string; version: number }[]>`
    select t.id, t.name, t.latest_version as version from email_templates t
    join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
    where t.workspace_id = ${workspaceId} and strpos(v.body || v.variants::text, ${expandedMarker(blockId)}) > 0
    order by t.name`;
}
