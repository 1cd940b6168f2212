// Importing a journey file as a new draft: the file is read (problems named by step), the
// templates it carries are checked in every language and the segment rules against this
// workspace, and only then, in one transaction, the templates and segments are created (a
// segment with the same name and rule is reused), the steps rewired to their new ids, and the
// draft journey stored. Nothing is created when anything is wrong.
import { resolveSegmentRefs, SegmentRuleError, segmentRuleSchema, type Queryable } from '@afterglow/db';
import { readJourneyFile, rewireReferences, type FileProblem, type JourneyFile } from '@afterglow/journey-core';
import type { Locale } from '@afterglow/i18n';
import { randomBytes } from 'node:crypto';
import type { ApiDeps } from '../../trpc/deps';
import { checkLanguages } from '../../templates/content';
import { insertTemplate } from '../../templates/repository';
import { sealDraftSecrets } from '../keep-secrets';
import { JourneyFileInvalid } from './invalid';

export interface ImportBy { workspaceId: string; userId: string | null; locale: Locale }

async function contentProblems(deps: ApiDeps, by: ImportBy, file: JourneyFile): Promise<FileProblem[]> {
  const templates = await Promise.all(file.templates.map(async (t, i) => (await checkLanguages(t, deps.templateSandbox.check))
    .map((issue) => ({ path: `templates.${i}.${issue.field}`, nodeId: null, step: null, message: `“${t.name}”: ${issue.message}` }))));
  const segments = await Promise.all(file.segments.map(async (s, i): Promise<FileProblem[]> => {
    const rule = segmentRuleSchema.safeParse(s.rule);
    const at = (field: string) => `segments.${i}.rule${field ? `.${field}` : ''}`;
    if (!rule.success) return rule.error.issues.map((issue) => ({ path: at(issue.path.join('.')), nodeId: null, step: null, message: issue.message }));
    try {
      await resolveSegmentRefs(deps.database.sql, by.workspaceId, rule.data);
      return [];
    } catch (err) {
      if (err instanceof SegmentRuleError) return err.issues.map((issue) => ({ path: at(issue.field), nodeId: null, step: null, message: issue.message }));
      throw err;
    }
  }));
  return [...templates.flat(), ...segments.flat()];
}

async function segmentFor(tx: Queryable, by: ImportBy, now: Date, s: JourneyFile['segments'][number]): Promise<string> {
  const rule = JSON.stringify(s.rule);
  const [same] = await tx<{ id: string }[]>`select id from segments
    where workspace_id = ${by.workspaceId} and name = ${s.name} and rule = ${rule}::text::jsonb limit 1`;
  if (same) return same.id;
  const id = `seg_${randomBytes(9).toString('base64url')}`;
  await tx`insert into segments (id, workspace_id, name, description, rule, created_at, updated_at)
    values (${id}, ${by.workspaceId}, ${s.name}, ${s.description}, ${rule}::text::jsonb, ${now}, ${now})`;
  return id;
}

/** The new draft journey's id; throws JourneyFileInvalid (a 400 naming every problem) for a bad file. */
export async function importJourneyFile(deps: ApiDeps, by: ImportBy, raw: unknown): Promise<{ id: string; name: string }> {
  const read = readJourneyFile(raw, deps.registry);
  if (!read.ok) throw new JourneyFileInvalid(read.problems, by.locale);
  const { file } = read;
  const problems = await contentProblems(deps, by, file);
  if (problems.length) throw new JourneyFileInvalid(problems, by.locale);
  const now = deps.clock.now();
  const id = `jrn_${randomBytes(9).toString('base64url')}`;
  await deps.database.sql.begin(async (tx) => {
    const templates = new Map<string, string>();
    for (const t of file.templates) {
      templates.set(t.ref, await insertTemplate(tx, { ...by, now, name: t.name, description: t.description, starter: null, kind: t.kind }, t));
    }
    const segments = new Map<string, string>();
    for (const s of file.segments) segments.set(s.ref, await segmentFor(tx, by, now, s));
    const graph = rewireReferences(file.graph, deps.registry, { template: templates, segment: segments });
    const draft = sealDraftSecrets(graph, null, deps.registry, deps.database.secrets);
    await tx`insert into journeys (id, workspace_id, name, draft, settings, status, created_at, updated_at)
      values (${id}, ${by.workspaceId}, ${file.name}, ${JSON.stringify(draft)}::text::jsonb, ${JSON.stringify(file.settings)}::text::jsonb,
        'draft', ${now}, ${now})`;
  });
  return { id, name: file.name };
}
