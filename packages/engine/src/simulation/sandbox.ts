// The sandbox every simulated step runs in: the engine's own services (effects.ts builds them
// from these dependencies, as a batch does), given a buffer per walk that is read, emptied and
// lent to a later walk, never written. What the services consult is read through a READ ONLY
// transaction, so even a read path that would write (none should) fails instead of acting:
// segment and purchase questions, suppressions, staff recipients, templates. What the engine
// would keep in the database between batches (the cap's sends, a journey's hourly alerts,
// issued coupons) is kept in memory here.
import type { Queryable, SecretBox, SegmentRule } from '@afterglow/db';
import { createBlockChecker, createPinnedTemplateCache, isTemplateLanguage, type TemplateContent } from '@afterglow/email';
import type { WorkspaceSettings } from '@afterglow/journey-core';
import { silentLogger, type NodeRegistry, type StaffAlertRequest } from '@afterglow/node-sdk';
import type { CouponLookup } from '../coupons';
import type { EffectBuffer, EmailQueue, ServiceDeps } from '../effects';
import { createSegmentLoader, type SegmentLoader } from '../segment-loader';
import type { SendPolicy } from '../send-policy';
import { createStaffLookup, type StaffLookup } from '../staff-alerts';
import type { ParsedConfig, WalkDeps } from '../walk';
import { SandboxPolicy, type PolicyTally, type SendHistory } from './sandbox-policy';

const emptyBuffer = (): EffectBuffer => ({
  outbox: [], ledger: [], contents: new Map(), coupons: [], profiles: new Map(), services: new Map(), holdouts: [], loops: new Map(),
});

export interface SandboxScope {
  registry: NodeRegistry;
  secrets: SecretBox;
  settings: WorkspaceSettings;
  /** The published version simulated, or null for a draft (its templates' newest versions are used). */
  versionId: string | null;
  fromAddress: string;
  publicUrl: () => string;
  history: (customerId: string) => SendHistory;
  tally: PolicyTally;
  /** Staff alerts per journey in the last hour, in simulated time (the hourly limit). */
  alertTimes: number[];
  /** The segments' rules, read once per simulation. */
  segmentRules: Map<string, Promise<SegmentRule>>;
  /** Each node's config parsed once per simulation (walkRun's `configs`). */
  configs: Map<string, ParsedConfig>;
}

/** A saved template's newest version: what a draft's email would use if published now. */
export async function newestTemplate(tx: Queryable, workspaceId: string, templateId: string): Promise<TemplateContent> {
  const [row] = await tx<(TemplateContent & { language: string })[]>`
    select subject, preheader, body, language, coalesce(variants, '{}'::jsonb) as variants from email_template_versions
    where workspace_id = ${workspaceId} and template_id = ${templateId} order by version desc limit 1`;
  if (!row) throw new Error(`Template ${templateId} has no saved version`);
  return { ...row, language: isTemplateLanguage(row.language) ? row.language : 'en' };
}

/** Effect buffers lent to walks: a walk's buffer is read once it ends (the tally), emptied and lent again. */
export class BufferPool {
  readonly #free: EffectBuffer[] = [];

  take(): EffectBuffer {
    return this.#free.pop() ?? emptyBuffer();
  }

  give(buffer: EffectBuffer): void {
    buffer.outbox.length = 0;
    buffer.ledger.length = 0;
    buffer.coupons.length = 0;
    buffer.holdouts.length = 0;
    // Map.clear() makes a new table even for an empty map; most walks leave these empty.
    if (buffer.contents.size > 0) buffer.contents.clear();
    if (buffer.profiles.size > 0) buffer.profiles.clear();
    if (buffer.services.size > 0) buffer.services.clear();
    if (buffer.loops.size > 0) buffer.loops.clear();
    this.#free.push(buffer);
  }
}

/** The journey's hourly limit on staff alerts, counted in simulated time; who and the link, as live. */
class SandboxStaff implements StaffLookup {
  constructor(private readonly real: StaffLookup, private readonly now: Date, private readonly scope: SandboxScope) {}

  recipients(workspaceId: string, to: StaffAlertRequest['to']) {
    return this.real.recipients(workspaceId, to);
  }

  customerUrl(customerId: string): string {
    return this.real.customerUrl(customerId);
  }

  async take(_journeyId: string, perHour: number): Promise<boolean> {
    const now = this.now.getTime();
    const { alertTimes } = this.scope;
    const recent = alertTimes.filter((t) => t > now - 3_600_000);
    alertTimes.splice(0, alertTimes.length, ...recent);
    if (recent.length >= perHour) return false;
    alertTimes.push(now);
    return true;
  }
}

/** What every walk of a window shares. */
interface WindowServices extends Omit<ServiceDeps, 'buffer' | 'policy' | 'staff'> {
  staff: StaffLookup;
}

/**
 * One walk's dependencies: the window's services, its own buffer, and the send policy and alert
 * limit at its own moment, built only if a step reaches for them (most walks send nothing).
 */
class WalkSandbox implements WalkDeps {
  readonly registry: NodeRegistry;
  readonly secrets: SecretBox;
  readonly segments: SegmentLoader;
  readonly email: EmailQueue;
  readonly coupons: CouponLookup;
  readonly configs: Map<string, ParsedConfig>;
  readonly log = silentLogger;
  #policy?: SendPolicy;
  #staff?: StaffLookup;

  constructor(private readonly window: WindowServices, private readonly scope: SandboxScope, readonly now: Date, readonly buffer: EffectBuffer) {
    ({ registry: this.registry, secrets: this.secrets, segments: this.segments, email: this.email, coupons: this.coupons } = window);
    this.configs = scope.configs;
  }

  get policy(): SendPolicy {
    return (this.#policy ??= new SandboxPolicy(this.scope, this.now));
  }

  get staff(): StaffLookup {
    return (this.#staff ??= new SandboxStaff(this.window.staff, this.now, this.scope));
  }
}

/**
 * What one window of simulated time shares (`tx` a read-only transaction); `depsAt(now, buffer)`
 * gives a walk its dependencies at its own moment, with `buffer` for its effects.
 */
export function windowSandbox(tx: Queryable, windowStart: Date, scope: SandboxScope): (now: Date, buffer: EffectBuffer) => WalkDeps {
  const pinned = createPinnedTemplateCache(tx);
  const window: WindowServices = {
    registry: scope.registry,
    secrets: scope.secrets,
    segments: createSegmentLoader(tx, windowStart, undefined, scope.segmentRules),
    email: {
      fromAddress: scope.fromAddress,
      blockReason: createBlockChecker(tx),
      pinnedTemplate: (workspaceId, versionId, templateId) =>
        (scope.versionId ? pinned(workspaceId, versionId, templateId) : newestTemplate(tx, workspaceId, templateId)),
    },
    coupons: { existing: async () => null },
    // Its own hourly limit is never asked (SandboxStaff counts in simulated time): the window's start does.
    staff: createStaffLookup(tx, windowStart, scope.publicUrl),
  };
  return (now, buffer) => new WalkSandbox(window, scope, now, buffer);
}
