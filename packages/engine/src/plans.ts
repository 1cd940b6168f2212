import type { SecretBox, Sql } from '@afterglow/db';
import { mapPlanSecrets, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { PlanLoader } from './types';

/**
 * Versions are immutable, so a plan is loaded once per process. Secrets in its node configs
 * are stored sealed and opened here, where the steps that use them run.
 */
export function createPlanCache(sql: Sql, registry: NodeRegistry, secrets: SecretBox): PlanLoader {
  const cache = new Map<string, Promise<JourneyPlan>>();
  return (versionId) => {
    let plan = cache.get(versionId);
    if (!plan) {
      plan = sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${versionId}`.then(([row]) => {
        if (!row) throw new Error(`Journey version ${versionId} not found`);
        return mapPlanSecrets(row.plan, registry, (value) => secrets.open(value));
      });
      plan.catch(() => cache.delete(versionId));
      cache.set(versionId, plan);
    }
    return plan;
  };
}
