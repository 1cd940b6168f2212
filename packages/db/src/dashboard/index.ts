// The workspace dashboard's figures (docs/analytics.md#the-workspace-dashboard), read from
// rollups only: the API's dashboard and the weekly digest both ask here.
import type { Queryable } from '../client';
import { repeatCohorts } from './cohorts';
import { journeyRevenue } from './journeys';
import type { DashboardPeriod } from './period';
import { workspaceFigures } from './workspace';

export { DASHBOARD_DAYS, dashboardPeriod, type DashboardDays, type DashboardPeriod } from './period';

export async function dashboardFigures(sql: Queryable, workspaceId: string, period: DashboardPeriod, now: Date, withCohorts = true) {
  const [revenue, figures, cohorts] = await Promise.all([
    journeyRevenue(sql, workspaceId, period),
    workspaceFigures(sql, workspaceId, period),
    withCohorts ? repeatCohorts(sql, workspaceId, now) : [],
  ]);
  const attributed = revenue.journeys.reduce((sum, j) => sum + j.revenue, 0);
  const conversions = revenue.journeys.reduce((sum, j) => sum + j.conversions, 0);
  return {
    period,
    attributed: { revenue: Math.round(attributed * 100) / 100, conversions },
    journeys: revenue.journeys,
    series: revenue.series,
    ...figures,
    cohorts,
  };
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;
