// The Templates page: searched (name, description, subject), sorted and paged in SQL, each
// template with its languages and how many journeys use it (counted for the page's rows only).
import type { Queryable } from '@afterglow/db';
import { containsPattern, pageInput } from '../trpc/paging';
import { iso } from '../trpc/time';
import { templateUses } from './repository';

export const templatePageInput = pageInput(['updated', 'name'] as const, 25);
type TemplatePageInput = ReturnType<typeof templatePageInput.parse>;

interface Row {
  id: string; name: string; description: string; starter: string | null; kind: string; version: number; subject: string;
  updatedAt: Date; languages: string[];
}

export async function templatePage(sql: Queryable, workspaceId: string, input: TemplatePageInput) {
  const matches = input.search
    ? sql`and lower(t.name || ' ' || t.description || ' ' || v.subject) like ${containsPattern(input.search)}` : sql``;
  const order = input.sort === 'name' ? sql`lower(t.name), t.id` : sql`t.updated_at desc, t.id`;
  const from = sql`from email_templates t join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
    where t.workspace_id = ${workspaceId} ${matches}`;
  const [rows, [{ total }]] = await Promise.all([
    sql<Row[]>`
      select t.id, t.name, t.description, t.starter, t.kind, t.latest_version as version, v.subject, t.updated_at as "updatedAt",
        array[v.language] || array(select jsonb_object_keys(v.variants)) as languages
      ${from} order by ${order} limit ${input.limit} offset ${input.offset}`,
    sql<{ total: number }[]>`select count(*)::int as total ${from}`,
  ]);
  const uses = rows.length ? await templateUses(sql, workspaceId, null) : [];
  return {
    items: rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt), journeys: uses.filter((u) => u.templateId === r.id).length })),
    total,
  };
}
