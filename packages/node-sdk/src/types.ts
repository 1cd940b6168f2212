// The contract between a node type and everything that uses it (palette, canvas card,
// config form, validation, publishing, trigger matching, execution).
import type { z } from 'zod';
import type { ExecContext } from './context.js';
import type { NodeText } from './i18n.js';
import type { Instruction } from './instructions.js';
import type { EmailRequest, JourneyEvent } from './requests.js';

export type NodeCategory = 'trigger' | 'wait' | 'condition' | 'action';
export type ColorToken = 'violet' | 'amber' | 'sky' | 'emerald' | 'rose' | 'slate' | 'indigo';

export interface BranchSpec {
  /** Stable id: the canvas handle id and the key of the plan's `next` map. */
  id: string;
  label: string;
}

export interface ConfigIssue {
  /** Dotted path of the config field, '' for the node as a whole. */
  field: string;
  message: string;
}

/** Publish-time checks that need the workspace's data (does the segment exist?). */
export interface CheckContext {
  segmentExists(segmentId: string): Promise<boolean>;
  /** Compiles the template; returns problems with line numbers when it is broken. */
  checkEmailTemplate(request: Pick<EmailRequest, 'subject' | 'body'>): Promise<ConfigIssue[]>;
  /** Problems of a saved template (it does not exist, or its newest version is broken). */
  checkSavedTemplate?(templateId: string): Promise<ConfigIssue[]>;
}

export interface TriggerBehaviour<C> {
  /** The event name this trigger listens to (used to pre-filter events in SQL); null: none. */
  eventName(config: C): string | null;
  matches(event: JourneyEvent, config: C): boolean;
  /** Re-entry key: a customer enters once per distinct key. */
  entryKey(event: JourneyEvent, config: C): string;
  /**
   * A whole segment enters at once (a broadcast): the engine enrols every member with one
   * set-based statement when the version is live and `startAt` (null: at once) has come.
   */
  audience?(config: C): { segmentId: string; startAt: Date | null };
  /**
   * Enrols on a calendar instead of an event: a date in each customer's profile (a birthday)
   * or a recurring schedule for a segment. The engine's calendar job enrols each occurrence
   * with one set-based statement per journey, once per customer and occurrence.
   */
  calendar?(config: C): CalendarTrigger;
}

/** Where a date trigger reads each customer's date. */
export type DateSource =
  | { field: 'birthday' }
  /** The day the customer's profile was created (customers.created_at). */
  | { field: 'signup' }
  /** The day of the customer's first order. */
  | { field: 'first_order' }
  /** A custom attribute holding a date (YYYY-MM-DD, or an ISO date-time whose date part is used). */
  | { field: 'attribute'; name: string };

export type CalendarTrigger =
  | {
    kind: 'date';
    source: DateSource;
    /** Days after the date (negative: before). */
    offsetDays: number;
    /** 'yearly': every anniversary (29 February: 28 February in other years); 'once': the date itself. */
    repeat: 'yearly' | 'once';
    /** Local hour (0-23) in the customer's time zone. */
    hour: number;
  }
  | {
    kind: 'schedule';
    segmentId: string;
    every: 'daily' | 'weekly' | 'monthly' | 'yearly';
    /** For 'weekly': the days, 0 = Sunday … 6 = Saturday. */
    weekdays: number[];
    /** For 'monthly' and 'yearly': 1-31; a month without that day uses its last day. */
    dayOfMonth: number;
    /** For 'yearly': the month, 1-12 (a holiday: 8 March is month 3, dayOfMonth 8). */
    month?: number;
    hour: number;
    minute: number;
    /** An IANA zone for everyone (the shop's); null: each customer's own. */
    timeZone: string | null;
  };

/** Icons of the web app's set that suit node types. */
export type NodeIconName =
  | 'bolt' | 'clock' | 'hourglass' | 'megaphone' | 'split' | 'mail' | 'ticket' | 'star' | 'flag'
  | 'webhook' | 'segments' | 'customers' | 'message' | 'tag' | 'bell' | 'gift' | 'chart' | 'key';

/** A plugin's own icon: SVG path data on a 24 x 24 grid, drawn as a 2 px stroke like the others. */
export interface NodeIconPath { path: string }

export interface NodeUi<C> {
  /** English; other languages in the definition's `translations`. */
  label: string;
  description: string;
  icon: NodeIconName | NodeIconPath;
  color: ColorToken;
  /** Branches leaving the node: fixed, or computed from its config. */
  branches: BranchSpec[] | ((config: C) => BranchSpec[]);
  /**
   * One line for the canvas card, in the reader's language (`locale`, e.g. 'sr-Latn'; English when
   * absent). `names` turns the ids a config holds (a template, a segment, another step) into the
   * names people gave them; a line names what it uses in words, never by its id.
   */
  summary(config: C, locale?: string, names?: SummaryNames): string;
}

/**
 * Names of what a config refers to, for the card's line. A look-up answers the name, or
 * `undefined` when nothing has that id any more (it was deleted: say so, e.g. "a deleted
 * template"). A look-up that is absent means the caller cannot tell (its lists are still loading,
 * or it has none): word the line without the name.
 *
 * @example
 * summary: (c, locale, names) => {
 *   if (!names?.segment) return 'Customers in a segment';
 *   const name = names.segment(c.segmentId);
 *   return name ? `Customers in “${name}”` : 'Customers in a deleted segment';
 * }
 */
export interface SummaryNames {
  /** A saved email template's name. */
  template?(templateId: string): string | undefined;
  /** A saved segment's name. */
  segment?(segmentId: string): string | undefined;
  /** Another step of the same journey, by node id, as the editor names it ("Send email · “Welcome”"). */
  step?(nodeId: string): string | undefined;
  /**
   * The step this step's branch leads to, by branch id, named as `step` names it; undefined when
   * the branch is not connected. A Go to's card says "Back to “Send email”" with it.
   */
  branch?(branchId: string): string | undefined;
}

/**
 * A branch that may lead back to an earlier step: a loop. Validation accepts a cycle in a journey
 * only when it passes through such a branch. The engine counts each run's turns through it in
 * `run.context.loops` (by node id; read it with `loopTurns(ctx)`) and fails a run that would take
 * it more than `limit(config)` times, so every loop ends.
 */
export interface LoopSpec<C> {
  /** The branch id that leads back. */
  branch: string;
  /** Turns through the branch allowed per run (the engine allows at most 1,000 whatever this says). */
  limit(config: C): number;
}

/** A counter the node owns, added to by `ctx.count` or by its services' outcomes. */
export interface CounterSpec {
  /** Stable id, e.g. 'sent'; lower-case letters, digits and _. */
  id: string;
  /** English; other languages in `translations[locale].counters`. */
  label: string;
  /** How the card shows it: a bad outcome (failed, bounced) in red. */
  tone?: 'neutral' | 'good' | 'bad';
}

/**
 * One step of a config's life: how a config written for version `from` becomes one for
 * `from + 1`. Drafts opened after an upgrade are migrated (the marketer sees `note`);
 * published journeys keep the version they were published with.
 */
export interface ConfigMigration {
  from: number;
  up(config: Record<string, unknown>): Record<string, unknown>;
  /** What changed, said to the marketer: "The message now has a separate Unicode fallback". */
  note: string;
}

/**
 * Any node type, whatever its config: what lists and registries hold. (`any`, not `unknown`:
 * ui.branches and execute take the config as a parameter, so a narrower type would not fit.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyNodeTypeDefinition = NodeTypeDefinition<any>;

export interface NodeTypeDefinition<S extends z.ZodType = z.ZodType> {
  /** Stable forever, namespaced: `core/send-email`. */
  id: string;
  version: number;
  category: NodeCategory;
  /**
   * The config's zod schema. `.meta()` on a field holds the form's hints (`label`, `help`,
   * `widget`, `options`, `showIf`). `widget: 'secret'` (at any depth, list items included)
   * marks a secret: sealed in the database, hidden from users who cannot edit journeys, opened
   * only when the step runs. `secretTarget: true` marks the field saying where the secrets are
   * sent (a URL): a stored secret is kept across a save only while that field's origin stays.
   */
  config: S;
  defaults: z.input<S>;
  ui: NodeUi<z.output<S>>;
  trigger?: TriggerBehaviour<z.output<S>>;
  /**
   * Runs the step. `config` has been parsed with `config`: a config that no longer parses fails
   * the run at once with a `config` error, never reaching here. It is parsed once per journey
   * version and node in a process and shared by every run's step, so it is frozen: change a copy.
   */
  execute?(ctx: ExecContext, config: z.output<S>): Promise<Instruction> | Instruction;
  check?(config: z.output<S>, ctx: CheckContext): Promise<ConfigIssue[]>;
  /** One of the branches may lead back to an earlier step, a bounded number of times per run. */
  loop?: LoopSpec<z.output<S>>;
  /** Counters shown on the canvas card (e.g. emails sent, points granted). */
  counters?: readonly CounterSpec[];
  /** From each earlier version to the next, in order: required when `version` > 1. */
  migrations?: readonly ConfigMigration[];
  /** UI text in other languages, by locale ('sr-Cyrl', 'sr-Latn', 'sl', 'ru', ...). */
  translations?: Readonly<Record<string, NodeText>>;
}
