// Reading a journey file: what is wrong with it, each problem named by the step it is in (the
// step's own name, else its id) and the field. A file is refused for what would break the
// journey in the editor or point nowhere: malformed JSON shapes, unknown step types, wires to
// missing steps or branches, a value filled in wrongly, a reference to a template or segment the
// file does not carry. What a draft may still lack (an empty field, an unconnected step) is
// kept: an exported work in progress imports as it was.
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { JourneyGraph } from '../graph';
import { validateGraph, type GraphIssueCode } from '../validate';
import { graphReferences } from './references';
import { JOURNEY_FILE_FORMAT, JOURNEY_FILE_VERSION, journeyFileSchema, type JourneyFile } from './schema';

export interface FileProblem {
  /** Where, from the file's root: `graph.nodes.2.config.minDays`. */
  path: string;
  /** The step the problem is in (null: the file as a whole), by id and as the marketer named it. */
  nodeId: string | null;
  step: string | null;
  /** In English (the API words it in the reader's language). */
  message: string;
}

export type ReadFileResult = { ok: true; file: JourneyFile } | { ok: false; problems: FileProblem[] };

const REFUSED: ReadonlySet<GraphIssueCode> = new Set([
  'duplicate-id', 'second-trigger', 'missing-node', 'unknown-branch', 'branch-connected-twice', 'unknown-type', 'version-too-new', 'config',
]);

type RawNode = { id?: unknown; label?: unknown };
const stepOf = (node: RawNode | undefined) => ({
  nodeId: typeof node?.id === 'string' ? node.id : null,
  step: typeof node?.label === 'string' && node.label.trim() ? node.label.trim() : typeof node?.id === 'string' ? node.id : null,
});

const isEmpty = (config: Record<string, unknown>, field: string) => {
  const value = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), config);
  return value === undefined || value === '' || value === null;
};

function shapeProblems(raw: unknown, issues: { path: PropertyKey[]; message: string }[]): FileProblem[] {
  const nodes = (raw as { graph?: { nodes?: RawNode[] } } | null)?.graph?.nodes;
  return issues.map(({ path, message }) => {
    const at = path.map(String).join('.') || 'file';
    const inNode = path[0] === 'graph' && path[1] === 'nodes' && typeof path[2] === 'number';
    return { path: at, ...(inNode ? stepOf(Array.isArray(nodes) ? nodes[path[2] as number] : undefined) : { nodeId: null, step: null }), message };
  });
}

function graphProblems(graph: JourneyGraph, file: JourneyFile, registry: NodeRegistry): FileProblem[] {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const where = (nodeId: string | null, field: string) =>
    (nodeId !== null && index.has(nodeId) ? `graph.nodes.${index.get(nodeId)}.${field}` : `graph.${field}`);
  const found = validateGraph(graph, registry).filter((i) => REFUSED.has(i.code))
    .filter((i) => i.code !== 'config' || !isEmpty(graph.nodes[index.get(i.nodeId!)!].config, i.field));
  // A step whose config does not parse has no branches to speak of: its wires are not the problem.
  const misconfigured = new Set(found.filter((i) => i.code === 'config').map((i) => i.nodeId));
  const structural = found.filter((i) => i.code !== 'unknown-branch' || !misconfigured.has(i.nodeId))
    .map((i) => {
      const field = i.code === 'config' ? `config.${i.field}` : i.field;
      return { path: where(i.nodeId, field), ...stepOf(graph.nodes.find((n) => n.id === i.nodeId)), message: i.message };
    });
  const carried = { template: new Set(file.templates.map((t) => t.ref)), segment: new Set(file.segments.map((s) => s.ref)) };
  const dangling = graphReferences(graph, registry).filter((r) => !carried[r.kind].has(r.value)).map((r) => ({
    path: `graph.nodes.${r.index}.config.${r.field}`, ...stepOf(graph.nodes[r.index]),
    message: `Refers to ${r.kind === 'template' ? 'the email template' : 'the segment'} “${r.value}”, which the file does not carry (add it to “${r.kind}s”)`,
  }));
  return [...structural, ...dangling];
}

function duplicateRefs(file: JourneyFile): FileProblem[] {
  const twice = (list: { ref: string }[], key: string) => list.flatMap((item, i) => (list.findIndex((o) => o.ref === item.ref) < i
    ? [{ path: `${key}.${i}.ref`, nodeId: null, step: null, message: `The ref “${item.ref}” is used twice` }] : []));
  return [...twice(file.templates, 'templates'), ...twice(file.segments, 'segments')];
}

/** The file, or every problem with it. */
export function readJourneyFile(raw: unknown, registry: NodeRegistry): ReadFileResult {
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== JOURNEY_FILE_FORMAT) {
    return { ok: false, problems: [{ path: 'format', nodeId: null, step: null, message: `Not a journey file: "format" must be "${JOURNEY_FILE_FORMAT}"` }] };
  }
  if (typeof head.version === 'number' && head.version > JOURNEY_FILE_VERSION) {
    return { ok: false, problems: [{ path: 'version', nodeId: null, step: null,
      message: `Written for journey file version ${head.version}; this Afterglow reads up to version ${JOURNEY_FILE_VERSION}` }] };
  }
  const parsed = journeyFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: shapeProblems(raw, parsed.error.issues) };
  const problems = [...duplicateRefs(parsed.data), ...graphProblems(parsed.data.graph, parsed.data, registry)];
  return problems.length ? { ok: false, problems } : { ok: true, file: parsed.data };
}
