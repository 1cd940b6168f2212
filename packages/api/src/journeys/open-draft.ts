// The draft as the editor opens it. Steps written for an older version of their node type (a
// plugin upgraded since) are migrated here, with what changed for the marketer to read. Nothing
// is saved: the editor records the update as an edit, so it autosaves like any other and can be
// undone, and a reader who may not edit changes nothing by looking. A step whose migration fails
// keeps its old settings and is reported; validation keeps it from being published.
import { migrateGraph, type JourneyGraph, type NodeMigration } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { graphForReader } from './redact';

export interface OpenedDraft {
  /** The draft to edit: migrated where it could be. */
  draft: JourneyGraph;
  /** One entry per step on an older version, updated (notes) or not (error). */
  migrations: NodeMigration[];
  /** The draft as stored, when a migration changed it: the editor's undo goes back to it. */
  unmigratedDraft: JourneyGraph | null;
}

export function openDraft(deps: ApiDeps, stored: JourneyGraph, canEdit: boolean): OpenedDraft {
  // Secrets are opened (or hidden) by the version they were written for, then migrated as values.
  const readable = graphForReader(stored, deps.registry, deps.database.secrets, canEdit);
  const { graph, migrations } = migrateGraph(readable, deps.registry);
  return { draft: graph, migrations, unmigratedDraft: graph === readable ? null : readable };
}
