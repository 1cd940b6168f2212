// Every node records the version of its type its config is written for. A published plan keeps
// that version for good (the engine runs the definition it names, however many versions later
// are installed); a draft on an older version is brought to the newest by the type's config
// migrations when it is opened for editing, and cannot be published until it has been.
import { configIssues, type NodeRegistry, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { PlanNode } from './compile';
import type { GraphNode, JourneyGraph } from './graph';

/** The version a node is written for; absent is 1 (drafts stored before versions were recorded). */
export const typeVersionOf = (node: Pick<GraphNode, 'typeVersion'>): number => node.typeVersion ?? 1;

/** The definition a node's config is written for; undefined when that version is not installed. */
export const definitionOf = (registry: NodeRegistry, node: Pick<GraphNode, 'type' | 'typeVersion'>): NodeTypeDefinition | undefined =>
  registry.get(node.type, typeVersionOf(node));

/** The definition a plan's node was published with; undefined when that version is not installed. */
export const publishedDefinitionOf = (registry: NodeRegistry, node: Pick<PlanNode, 'type' | 'typeVersion'> | undefined): NodeTypeDefinition | undefined =>
  node && registry.get(node.type, node.typeVersion);

/** A step brought to a newer version of its type, as the marketer is told about it. */
export interface NodeMigration {
  nodeId: string;
  type: string;
  /** The type's label, as the palette shows it. */
  label: string;
  from: number;
  to: number;
  /** What changed, one note per version step (the type's own words). */
  notes: string[];
  /** Set when the step could not be updated: it keeps its old version and config, and needs attention. In English. */
  error?: string;
  /** Why, stable (the web app words it by this): the migration threw, returned no settings, or invalid ones. */
  errorCode?: 'update-failed' | 'update-empty' | 'update-invalid';
  /** What the error names: the migration's own words (`reason`), or the field and the problem with it. */
  errorParams?: Record<string, string>;
}

export interface MigratedGraph {
  graph: JourneyGraph;
  /** One entry per step on an older version than installed, updated or not; empty when none is. */
  migrations: NodeMigration[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function migrateNode(node: GraphNode, newest: NodeTypeDefinition, registry: NodeRegistry): { node: GraphNode; migration: NodeMigration } {
  const from = typeVersionOf(node);
  const migration: NodeMigration = { nodeId: node.id, type: node.type, label: newest.ui.label, from, to: newest.version, notes: [] };
  const failed = (errorCode: NonNullable<NodeMigration['errorCode']>, error: string, errorParams?: Record<string, string>) =>
    ({ node, migration: { ...migration, error, errorCode, ...(errorParams ? { errorParams } : {}) } });
  let result: ReturnType<NodeRegistry['migrate']>;
  try {
    result = registry.migrate(node.type, from, node.config);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return failed('update-failed', `The update failed: ${reason}`, { reason });
  }
  if (!isRecord(result.config)) return failed('update-empty', 'The update returned no settings');
  // A step still being configured stays incomplete after the update: the form then says what is
  // missing. A complete one that no longer parses was broken by the migration: keep the old one.
  const old = registry.get(node.type, from);
  const wasComplete = !old || old.config.safeParse(node.config).success;
  const [issue] = configIssues(newest, result.config);
  if (wasComplete && issue) {
    const [field, problem] = [issue.field || 'settings', issue.message];
    return failed('update-invalid', `The updated settings are not valid: ${field}: ${problem}`, { field, problem });
  }
  return { node: { ...node, typeVersion: result.version, config: result.config }, migration: { ...migration, notes: result.notes } };
}

/**
 * The graph with every step on an older version of its type brought to the newest, and what was
 * done to each. A migration that throws or breaks the config is reported on its step instead of
 * failing the whole graph. Pure: the caller decides whether and how the result is saved.
 */
export function migrateGraph(graph: JourneyGraph, registry: NodeRegistry): MigratedGraph {
  const migrations: NodeMigration[] = [];
  const nodes = graph.nodes.map((node) => {
    const newest = registry.get(node.type);
    if (!newest || typeVersionOf(node) >= newest.version) return node;
    const done = migrateNode(node, newest, registry);
    migrations.push(done.migration);
    return done.node;
  });
  // The same graph back when no step changed, so the caller can tell.
  const changed = nodes.some((node, i) => node !== graph.nodes[i]);
  return { graph: changed ? { ...graph, nodes } : graph, migrations };
}
