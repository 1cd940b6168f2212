// Saved templates as the engine sees them: immutable versions, resolved for a journey
// version by publish time, so editing a template never changes what a live journey sends
// until the journey is published again.
import type { Queryable } from '@afterglow/db';
import { NodeError } from '@afterglow/node-sdk';
import { LruCache } from './lru';
import { isTemplateLanguage, type LocalisedTemplate } from './variants';

/** A version's text in every language it has. */
export type TemplateContent = LocalisedTemplate;

/** A NodeError: the engine fails the run at once instead of retrying what retrying cannot fix. */
export class MissingTemplateError extends NodeError {
  constructor(readonly templateId: string, readonly journeyVersionId: string) {
    super(`Template ${templateId} has no version published with journey version ${journeyVersionId}`, { code: 'config', field: 'templateId' });
    this.name = 'MissingTemplateError';
  }
}

/** The template version that was newest when the journey version was published. */
export async function pinnedTemplateVersion(
  sql: Queryable, workspaceId: string, journeyVersionId: string, templateId: string,
): Promise<TemplateContent | null> {
  const [row] = await sql<(TemplateContent & { language: string })[]>`
    select v.subject, v.preheader, v.body, v.language, v.variants
    from email_template_versions v
    join journey_versions j on j.id = ${journeyVersionId} and j.workspace_id = v.workspace_id
    where v.workspace_id = ${workspaceId} and v.template_id = ${templateId} and v.created_at <= j.published_at
    order by v.version desc
    limit 1`;
  if (!row) return null;
  return { ...row, language: isTemplateLanguage(row.language) ? row.language : 'en', variants: row.variants ?? {} };
}

/** Both keys name immutable rows, so an answer never goes stale. */
export function createPinnedTemplateCache(sql: Queryable) {
  const cache = new LruCache<string, Promise<TemplateContent>>(1_000);
  return (workspaceId: string, journeyVersionId: string, templateId: string): Promise<TemplateContent> => {
    const key = `${journeyVersionId}\u0000${templateId}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = pinnedTemplateVersion(sql, workspaceId, journeyVersionId, templateId).then((row) => {
      if (!row) throw new MissingTemplateError(templateId, journeyVersionId);
      return row;
    });
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
    return pending;
  };
}
