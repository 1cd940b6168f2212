// What publishing would change: the steps added, removed and reconfigured between the live
// version and a draft, and the connections added or removed. Positions on the canvas are not
// a change; a step moved to a new version of its type is (field `typeVersion`: its behaviour may
// differ even where its settings do not). An approver reads this before approving a publish request.
import type { GraphEdge, GraphNode, JourneyGraph } from './graph';
import { typeVersionOf } from './versions';

export interface FieldChange { field: string; before?: unknown; after?: unknown }
export interface NodeChange { id: string; type: string; fields: FieldChange[]; typeChanged: boolean }
export interface GraphDiff {
  added: Pick<GraphNode, 'id' | 'type' | 'config'>[];
  removed: Pick<GraphNode, 'id' | 'type' | 'config'>[];
  changed: NodeChange[];
  edgesAdded: GraphEdge[];
  edgesRemoved: GraphEdge[];
  /** Nothing a customer would notice changed. */
  empty: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const edgeKey = (e: GraphEdge) => `${e.source}/${e.sourceHandle}>${e.target}`;
const brief = ({ id, type, config }: GraphNode) => ({ id, type, config });

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.filter((f) => !same(before[f], after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The changes from `live` (null: never published) to `draft`. */
export function diffGraphs(live: JourneyGraph | null, draft: JourneyGraph): GraphDiff {
  const liveNodes = new Map((live?.nodes ?? []).map((n) => [n.id, n]));
  const draftNodes = new Map(draft.nodes.map((n) => [n.id, n]));
  const changed: NodeChange[] = [];
  for (const node of draft.nodes) {
    const old = liveNodes.get(node.id);
    if (!old) continue;
    const [before, after] = [typeVersionOf(old), typeVersionOf(node)];
    const fields = [...(before === after ? [] : [{ field: 'typeVersion', before, after }]), ...fieldChanges(old.config, node.config)];
    if (fields.length || old.type !== node.type) changed.push({ id: node.id, type: node.type, fields, typeChanged: old.type !== node.type });
  }
  const liveEdges = new Set((live?.edges ?? []).map(edgeKey));
  const draftEdges = new Set(draft.edges.map(edgeKey));
  const diff = {
    added: draft.nodes.filter((n) => !liveNodes.has(n.id)).map(brief),
    removed: (live?.nodes ?? []).filter((n) => !draftNodes.has(n.id)).map(brief),
    changed,
    edgesAdded: draft.edges.filter((e) => !liveEdges.has(edgeKey(e))),
    edgesRemoved: (live?.edges ?? []).filter((e) => !draftEdges.has(edgeKey(e))),
  };
  return { ...diff, empty: Object.values(diff).every((list) => list.length === 0) };
}
