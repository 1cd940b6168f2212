// A journey as a file (docs/journey-format.md): its draft and settings, with the templates and
// segments its steps name carried along. Secrets (a webhook's signing secret, header values)
// never leave in a file: they are blanked, and the importer types them again.
import {
  graphReferences, JOURNEY_FILE_FORMAT, JOURNEY_FILE_VERSION, mapGraphSecrets, type FileSegment, type FileTemplate, type JourneyFile,
} from '@afterglow/journey-core';
import type { ApiDeps } from '../../trpc/deps';
import { getTemplate } from '../../templates/repository';
import { getJourney } from '../repository';

async function fileTemplate(deps: ApiDeps, workspaceId: string, id: string): Promise<FileTemplate | null> {
  try {
    const t = await getTemplate(deps.database.sql, workspaceId, id);
    return { ref: id, name: t.name, description: t.description, kind: t.kind, subject: t.subject, preheader: t.preheader, body: t.body, language: t.language, variants: t.variants };
  } catch {
    // Deleted since the step chose it: the step exports with the reference blanked (below).
    return null;
  }
}

export async function exportJourneyFile(deps: ApiDeps, workspaceId: string, id: string): Promise<JourneyFile> {
  const journey = await getJourney(deps, workspaceId, id);
  const graph = mapGraphSecrets(journey.draft, deps.registry, () => '');
  const refs = graphReferences(graph, deps.registry);
  const ids = (kind: 'template' | 'segment') => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.value))];
  const templates = (await Promise.all(ids('template').map((t) => fileTemplate(deps, workspaceId, t)))).filter((t) => t !== null);
  const segments = await deps.database.sql<FileSegment[]>`
    select id as ref, name, description, rule from segments where workspace_id = ${workspaceId} and id = any(${ids('segment')}::text[])`;
  const carried = new Set([...templates, ...segments].map((x) => x.ref));
  const nodes = graph.nodes.map((node, index) => {
    const gone = refs.filter((r) => r.index === index && !carried.has(r.value));
    return gone.length ? { ...node, config: { ...node.config, ...Object.fromEntries(gone.map((r) => [r.field, ''])) } } : node;
  });
  return {
    format: JOURNEY_FILE_FORMAT, version: JOURNEY_FILE_VERSION, name: journey.name, description: '', settings: journey.settings,
    graph: { nodes, edges: graph.edges }, templates, segments: segments.map((s) => ({ ...s })),
  };
}
