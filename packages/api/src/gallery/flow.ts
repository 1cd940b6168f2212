// The gallery's journeys written as chains (`flow(trigger).then(step)...`) that come out as the
// canvas graph of a journey file: node ids named by the author, positions laid out by depth
// (one row per step, a column per branch), every type on version 1. Configs say what the
// playbook chooses; fields with a default in their node type may be left out (they parse to it).
import type { GraphEdge, GraphNode, JourneyGraph } from '@afterglow/journey-core';

interface Step { id: string; type: string; label?: string; config: Record<string, unknown> }
interface Shared { nodes: GraphNode[]; edges: GraphEdge[]; lanes: number }
interface At { id: string; depth: number; lane: number; branch: string }

const ROW = 200;
const COLUMN = 320;

export class Flow {
  private constructor(private readonly shared: Shared, private readonly at: At) {}

  static start(trigger: Step): Flow {
    const shared: Shared = { nodes: [], edges: [], lanes: 1 };
    shared.nodes.push(node(trigger, 0, 0));
    return new Flow(shared, { id: trigger.id, depth: 0, lane: 0, branch: 'out' });
  }

  /** The next step, on the current branch ('out' unless `branch` chose another). */
  then(step: Step, firstBranch = 'out'): Flow {
    const depth = this.at.depth + 1;
    this.shared.nodes.push(node(step, depth, this.at.lane));
    this.shared.edges.push({ id: `e${this.shared.edges.length + 1}`, source: this.at.id, sourceHandle: this.at.branch, target: step.id });
    return new Flow(this.shared, { id: step.id, depth, lane: this.at.lane, branch: firstBranch });
  }

  /** The steps on another branch of the current step, in a column of their own. */
  branch(branch: string, steps: (from: Flow) => unknown, sameColumn = false): Flow {
    steps(new Flow(this.shared, { ...this.at, branch, lane: sameColumn ? this.at.lane : this.shared.lanes++ }));
    return this;
  }

  graph(): JourneyGraph {
    return structuredClone({ nodes: this.shared.nodes, edges: this.shared.edges });
  }
}

function node(step: Step, depth: number, lane: number): GraphNode {
  return { id: step.id, type: step.type, typeVersion: 1, ...(step.label ? { label: step.label } : {}), position: { x: lane * COLUMN, y: depth * ROW }, config: step.config };
}

export const flow = (trigger: Step) => Flow.start(trigger);

// The steps the gallery uses, by the names of their config fields.
export const onEvent = (event: string, entryKeyProperty = '', filters: { property: string; op: string; value: string }[] = []): Step =>
  ({ id: 'trigger', type: 'core/trigger-event', config: { event, entryKeyProperty, filters } });
export const wait = (id: string, config: Record<string, unknown>): Step =>
  ({ id, type: 'core/wait', config: { mode: 'duration', amount: 1, unit: 'days', weekday: -1, hour: 10, ...config } });
export const waitFor = (id: string, event: string, matchTriggerProperty: string, timeoutAmount: number, timeoutUnit = 'days'): Step =>
  ({ id, type: 'core/wait-for-event', config: { event, matchTriggerProperty, timeoutAmount, timeoutUnit } });
export const coupon = (id: string, kind: 'percent' | 'fixed', value: number, prefix: string, validDays: number): Step =>
  ({ id, type: 'core/issue-coupon', config: { kind, value, prefix, validDays, minOrderTotal: 0, description: '' } });

const INLINE_BODY = '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hi {{ customer.firstName }},</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>';
/** Send email with a template the file carries (its ref); the inline fields keep the node type's defaults. */
export const send = (id: string, templateRef: string, kind: 'marketing' | 'transactional', more: { topic?: string; whenCapped?: 'skip' | 'hold' } = {}): Step => ({
  id, type: 'core/send-email',
  config: { templateId: templateRef, subject: 'Thank you, {{ customer.firstName }}!', preheader: '', body: INLINE_BODY, kind, topic: '', whenCapped: 'skip', ...more },
});
export const step = (id: string, type: string, config: Record<string, unknown>): Step => ({ id, type, config });
