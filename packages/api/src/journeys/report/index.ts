// journeys.report: what a journey brought in over a period (docs/analytics.md). Everything is
// read from rollups kept as things happen (journey_daily, journey_node_counts,
// journey_group_totals): a handful of queries on a few rows each, however many runs it has.
import { readJourneySettings, type JourneyPlan } from '@afterglow/journey-core';
import { z } from 'zod';
import type { ApiDeps } from '../../trpc/deps';
import { notFound } from '../errors';
import { reportExperiments, type Experiment } from './experiments';
import { reportFunnel, type FunnelStep } from './funnel';
import { reportSeries, type Series } from './figures';

const day = (field: string) => z.string({ error: `${field} must be a date such as 2026-05-01` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date such as 2026-05-01`)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `${field} must be a date such as 2026-05-01`);

export const reportInputSchema = z.object({
  journeyId: z.string().min(1).max(100),
  from: day('from'),
  to: day('to'),
  bucket: z.enum(['day', 'week'], { error: 'bucket must be day or week' }).default('day'),
  /** Published versions to show side by side (at most two); none: every version together. */
  versions: z.array(z.string().min(1).max(100)).max(2, 'Compare at most 2 versions').optional(),
}).superRefine((r, ctx) => {
  if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  else if (Date.parse(r.to) - Date.parse(r.from) > 731 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A report covers at most 2 years' });
});
export type ReportInput = z.output<typeof reportInputSchema>;

export interface JourneyReport {
  attribution: { conversion: 'order' | 'none'; windowDays: number; liftDays: number };
  versions: { id: string; version: number; publishedAt: Date }[];
  series: Series[];
  /** Of the newest version shown (its whole life). */
  funnel: { versionId: string; steps: FunnelStep[] } | null;
  experiments: Experiment[];
}

export async function journeyReport(deps: ApiDeps, workspaceId: string, input: ReportInput): Promise<JourneyReport> {
  const sql = deps.database.sql;
  const [[journey], published] = await Promise.all([
    sql<{ settings: unknown; currentVersionId: string | null }[]>`
      select settings, current_version_id as "currentVersionId" from journeys where workspace_id = ${workspaceId} and id = ${input.journeyId}`,
    sql<{ id: string; version: number; publishedAt: Date; plan: JourneyPlan }[]>`
      select id, version, published_at as "publishedAt", plan from journey_versions
      where journey_id = ${input.journeyId} and workspace_id = ${workspaceId} order by version`,
  ]);
  if (!journey) throw notFound('journey', input.journeyId);
  for (const v of input.versions ?? []) if (!published.some((p) => p.id === v)) throw notFound('journeyVersion', v, 'versions');
  const shown = input.versions ? published.filter((p) => input.versions?.includes(p.id)) : published;
  const newest = shown.at(-1) ?? null;
  const ids = shown.map((v) => v.id);
  const [series, funnel, experiments] = await Promise.all([
    reportSeries(sql, input.journeyId, input, input.versions ? ids : null),
    newest ? reportFunnel(sql, input.journeyId, newest.id, newest.plan) : null,
    reportExperiments(sql, input.journeyId, ids, shown.map((v) => v.plan), published.find((v) => v.id === journey.currentVersionId)?.plan ?? null),
  ]);
  return {
    attribution: readJourneySettings(journey.settings).attribution,
    versions: published.map(({ id, version, publishedAt }) => ({ id, version, publishedAt })),
    series,
    funnel: newest && funnel ? { versionId: newest.id, steps: funnel } : null,
    experiments,
  };
}
