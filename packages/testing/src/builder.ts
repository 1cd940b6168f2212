// A journey written as a chain instead of nodes and edges: `.trigger(...)`, `.then(...)`, and
// `.branch(id, b => ...)` for the arms of a condition. A step named by its definition gets its
// config typed by the definition's schema; by id (a string) it is untyped. Either way the
// config given is laid over the type's defaults, so a step says only what differs. The result
// is a plain graph, validated when published exactly as the canvas's would be.
import type { GraphEdge, GraphNode, JourneyGraph } from '@afterglow/journey-core';
import { branchesOf, type NodeRegistry, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { z } from 'zod';

export interface StepOptions {
  /** The node's id (what counters and runs are read by); default: the type's name, e.g. 'send-email', '-2' on a repeat. */
  id?: string;
  /** Which branch of the previous node leads here; default its first ('out', 'yes', 'happened'). */
  from?: string;
}

type NodeType<S extends z.ZodType> = NodeTypeDefinition<S> | string;
type ConfigOf<S extends z.ZodType> = Partial<z.input<S>>;

interface Shared {
  registry: NodeRegistry;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Columns taken by branches, for positions a reader of the canvas can follow. */
  lanes: number;
}

interface Cursor {
  nodeId: string;
  depth: number;
  lane: number;
  /** Set by branch(): the next step hangs off this branch. */
  branch?: string;
}

export class JourneyBuilder {
  private constructor(private readonly shared: Shared, private readonly cursor: Cursor | null) {}

  static start(registry: NodeRegistry): JourneyBuilder {
    return new JourneyBuilder({ registry, nodes: [], edges: [], lanes: 1 }, null);
  }

  /** The journey's trigger: who enters, on what. */
  trigger<S extends z.ZodType>(type: NodeType<S>, config?: ConfigOf<S>, opts: Omit<StepOptions, 'from'> = {}): JourneyBuilder {
    const node = this.add(type, config, opts.id, { depth: 0, lane: 0 });
    return new JourneyBuilder(this.shared, { nodeId: node.id, depth: 0, lane: 0 });
  }

  /** A step after the current one (on its first branch, or `opts.from`). */
  then<S extends z.ZodType>(type: NodeType<S>, config?: ConfigOf<S>, opts: StepOptions = {}): JourneyBuilder {
    const at = this.cursor;
    const place = { depth: (at?.depth ?? -1) + 1, lane: at?.lane ?? 0 };
    const node = this.add(type, config, opts.id, place);
    if (at) {
      const branch = opts.from ?? at.branch ?? this.firstBranch(at.nodeId);
      this.shared.edges.push({ id: `e${this.shared.edges.length + 1}`, source: at.nodeId, sourceHandle: branch, target: node.id });
    }
    return new JourneyBuilder(this.shared, { nodeId: node.id, ...place });
  }

  /** The steps on one branch of the current node (a condition's 'yes'); returns this builder, to name the next branch. */
  branch(branchId: string, steps: (from: JourneyBuilder) => unknown): JourneyBuilder {
    if (!this.cursor) throw new Error(`branch(${branchId}): add a trigger first`);
    // The first branch goes on down the node's column, each further one gets a column of its own.
    const taken = this.shared.edges.some((e) => e.source === this.cursor!.nodeId);
    const lane = taken ? this.shared.lanes++ : this.cursor.lane;
    steps(new JourneyBuilder(this.shared, { ...this.cursor, lane, branch: branchId }));
    return this;
  }

  /** The graph as the canvas would save it. */
  build(): JourneyGraph {
    return structuredClone({ nodes: this.shared.nodes, edges: this.shared.edges });
  }

  private add(type: NodeType<z.ZodType>, config: object | undefined, id: string | undefined, place: { depth: number; lane: number }): GraphNode {
    const typeId = typeof type === 'string' ? type : type.id;
    // The registry's definition, so defaults come from what will run: the newest for a string id,
    // the version given for a definition (a test of a journey published on an older version).
    const def = typeof type === 'string' ? this.shared.registry.get(typeId) : this.shared.registry.get(typeId, type.version) ?? type;
    const nodeId = id ?? this.freeId(typeId.slice(typeId.indexOf('/') + 1));
    const node: GraphNode = {
      id: nodeId, type: typeId,
      // As the editor records it when a step is dropped from the palette: publishing refuses an older version.
      ...(def ? { typeVersion: def.version } : {}),
      position: { x: place.lane * 320, y: place.depth * 180 },
      config: { ...(structuredClone(def?.defaults ?? {}) as object), ...config },
    };
    this.shared.nodes.push(node);
    return node;
  }

  private freeId(name: string): string {
    const taken = new Set(this.shared.nodes.map((n) => n.id));
    if (!taken.has(name)) return name;
    let n = 2;
    while (taken.has(`${name}-${n}`)) n++;
    return `${name}-${n}`;
  }

  private firstBranch(nodeId: string): string {
    const node = this.shared.nodes.find((n) => n.id === nodeId)!;
    const def = this.shared.registry.get(node.type);
    return (def && branchesOf(def, node.config)[0]?.id) ?? 'out';
  }
}
