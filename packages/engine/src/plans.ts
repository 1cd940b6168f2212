import type { Sql } from '@afterglow/db';
import type { JourneyPlan } from '@afterglow/journey-core';
import type { PlanLoader } from './types';

/** Versions are immutable, so a plan is loaded once per process. */
export function createPlanCache(sql: Sql): PlanLoader {
  const cache = new Map<string, Promise<JourneyPlan>>();
  return (versionId) => {
    let plan = cache.get(versionId);
    if (!plan) {
      plan = sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${versionId}`.then(([row]) => {
        if (!row) throw new Error(`Journey version ${versionId} not found`);
        return row.plan;
      });
      plan.catch(() => cache.delete(versionId));
      cache.set(versionId, plan);
    }
    return plan;
  };
}
