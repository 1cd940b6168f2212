// The RouteContext a plugin's route runs with: its workspace, the clock, its logger, and the
// few things a provider's callback needs. A route reaches only its own plugin's services:
// another plugin's settings (its tokens) and effects are not its to read or settle.
import { readServiceSettings, settleServiceEffect, type ServiceOutcome } from '@afterglow/engine';
import type { AfterglowPlugin, Logger, RouteContext, AnyServiceDefinition } from '@afterglow/node-sdk';
import type { IngestDeps } from '../ingest/handler';
import { inputIssues } from '../input-policy/index';
import { routeCustomers } from './customers';

/** A provider's error text is kept to this length in service_effects.last_error. */
const MAX_ERROR_LENGTH = 1000;

function ownService(plugin: AfterglowPlugin, service: AnyServiceDefinition): AnyServiceDefinition {
  const own = plugin.services?.find((s) => s.id === service?.id);
  if (!own) throw new Error(`Plugin ${plugin.id} has no service ${String(service?.id)}: a route reaches only its own plugin's services`);
  return own;
}

function checkedOutcome(service: AnyServiceDefinition, outcome: ServiceOutcome): ServiceOutcome {
  if (outcome?.status !== 'delivered' && outcome?.status !== 'failed') {
    throw new Error(`settle(${service.id}): status must be 'delivered' or 'failed', not ${JSON.stringify(outcome?.status)}`);
  }
  if (outcome.count !== undefined && service.counters && !service.counters.includes(outcome.count)) {
    throw new Error(`settle(${service.id}): counter "${outcome.count}" is not one of the service's counters (${service.counters.join(', ')})`);
  }
  return { ...outcome, error: outcome.error?.slice(0, MAX_ERROR_LENGTH) };
}

export function routeContext(
  deps: IngestDeps, plugin: AfterglowPlugin, workspaceId: string, log: Logger,
): RouteContext {
  const { database, clock } = deps;
  return {
    workspaceId,
    now: () => clock.now(),
    log,
    settings: async (service) => readServiceSettings(database.sql, database.secrets, workspaceId, ownService(plugin, service)) as never,
    async settle(service, externalId, outcome) {
      const own = ownService(plugin, service);
      // No effect has an empty provider id, or one with text Postgres cannot hold (a NUL).
      if (typeof externalId !== 'string' || externalId === '' || inputIssues([externalId]).length > 0) return false;
      return settleServiceEffect(database.sql, {
        workspaceId, serviceId: own.id, externalId, outcome: checkedOutcome(own, outcome), now: clock.now(),
      });
    },
    ...routeCustomers({ ...deps, log }, workspaceId),
  };
}
