// The sandbox every simulated step runs in: the engine's own services (effects.ts builds them
// from these dependencies, as a batch does), given a fresh buffer per walk that is read and
// thrown away, never written. What the services consult is read through a READ ONLY
// transaction, so even a read path that would write (none should) fails instead of acting:
// segment and purchase questions, suppressions, staff recipients, templates. What the engine
// would keep in the database between batches (the cap's sends, a journey's hourly alerts,
// issued coupons) is kept in memory here.
import type { Queryable, SecretBox, SegmentRule } from '@afterglow/db';
import { createBlockChecker, createPinnedTemplateCache, isTemplateLanguage, type TemplateContent } from '@afterglow/email';
import type { WorkspaceSettings } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { EffectBuffer, EmailQueue, ServiceDeps } from '../effects';
import { createSegmentLoader } from '../segment-loader';
import { createStaffLookup, type StaffLookup } from '../staff-alerts';
import { sandboxPolicy, type PolicyTally, type SendHistory } from './sandbox-policy';

export const emptyBuffer = (): EffectBuffer => ({
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
}

/** A saved template's newest version: what a draft's email would use if published now. */
export async function newestTemplate(tx: Queryable, workspaceId: string, templateId: string): Promise<TemplateContent> {
  const [row] = await tx<(TemplateContent & { language: string })[]>`
    select subject, preheader, body, language, coalesce(variants, '{}'::jsonb) as variants from email_template_versions
    where workspace_id = ${workspaceId} and template_id = ${templateId} order by version desc limit 1`;
  if (!row) throw new Error(`Template ${templateId} has no saved version`);
  return { ...row, language: isTemplateLanguage(row.language) ? row.language : 'en' };
}

function sandboxStaff(tx: Queryable, now: Date, scope: SandboxScope): StaffLookup {
  const real = createStaffLookup(tx, now, scope.publicUrl);
  return {
    recipients: real.recipients,
    customerUrl: real.customerUrl,
    async take(_journeyId, perHour) {
      const hourAgo = now.getTime() - 3_600_000;
      const recent = scope.alertTimes.filter((t) => t > hourAgo);
      scope.alertTimes.splice(0, scope.alertTimes.length, ...recent);
      if (recent.length >= perHour) return false;
      scope.alertTimes.push(now.getTime());
      return true;
    },
  };
}

/**
 * What one window of simulated time shares (`tx` a read-only transaction); `depsAt(now)` gives a
 * walk its dependencies at its own moment, with a buffer of its own.
 */
export function windowSandbox(tx: Queryable, windowStart: Date, scope: SandboxScope) {
  const segments = createSegmentLoader(tx, windowStart, undefined, scope.segmentRules);
  const pinned = createPinnedTemplateCache(tx);
  const email: EmailQueue = {
    fromAddress: scope.fromAddress,
    blockReason: createBlockChecker(tx),
    pinnedTemplate: (workspaceId, versionId, templateId) =>
      (scope.versionId ? pinned(workspaceId, versionId, templateId) : newestTemplate(tx, workspaceId, templateId)),
  };
  const coupons = { existing: async () => null };
  return (now: Date): ServiceDeps => ({
    buffer: emptyBuffer(), registry: scope.registry, secrets: scope.secrets, segments, email, coupons,
    policy: sandboxPolicy(scope.settings, now, scope.history, scope.tally),
    staff: sandboxStaff(tx, now, scope),
  });
}
