// Settings > Integrations: each plugin service's per-workspace settings (a gateway's URL,
// account and token) and the URLs of the plugins' routes to paste into the providers. Secrets
// are stored sealed and never shown, to anyone: the form gets REDACTED in their place and sends
// it back to keep them (keep-secrets.ts). The form itself is generated in the web app from the
// same service definition (the web app builds the same registry), so only values travel.
import { SecretKeyUnknown } from '@afterglow/db';
import { mapConfigSecrets } from '@afterglow/journey-core';
import type { AnyServiceDefinition } from '@afterglow/node-sdk';
import type { z } from 'zod';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import { REDACTED } from '../journeys/redact';
import { hookUrl } from '../plugins/handler';
import { appUrl, type ApiDeps } from '../trpc/deps';
import { iso } from '../trpc/time';
import { SettingsInvalid } from './errors';
import { withKeptSecrets } from './keep-secrets';

interface StoredRow { serviceId: string; settings: unknown; updatedAt: Date }

export interface IntegrationEntry {
  id: string;
  label: string;
  pluginId: string;
  configured: boolean;
  /** The stored settings (secrets as REDACTED), or the service's defaults when not configured. */
  values: Record<string, unknown>;
  /** Why the stored settings cannot be used (they no longer parse): the admin must save them again. */
  problem: string | null;
  /** ISO date-time (JSON has no dates). */
  updatedAt: string | null;
}

export interface HookEntry { pluginId: string; method: 'GET' | 'POST'; path: string; url: string }

/** Services with settings, each with the id of the plugin that brings it. */
function configurable(deps: ApiDeps): { service: AnyServiceDefinition; pluginId: string }[] {
  return deps.registry.plugins().flatMap((p) => (p.services ?? []).filter((s) => s.settings).map((service) => ({ service, pluginId: p.id })));
}

/** Whether the stored settings still parse with the schema (opened): what the service will be given. */
function problemOf(deps: ApiDeps, service: AnyServiceDefinition, stored: unknown): string | null {
  let opened: unknown;
  try {
    opened = mapConfigSecrets({ config: service.settings }, stored, (value) => deps.database.secrets.open(value));
  } catch (err) {
    if (err instanceof SecretKeyUnknown) return err.message;
    throw err;
  }
  const parsed = (service.settings as z.ZodType).safeParse(opened);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  return `${issue.path.map(String).join('.') || 'settings'}: ${issue.message}`;
}

function entryOf(deps: ApiDeps, { service, pluginId }: ReturnType<typeof configurable>[number], row: StoredRow | undefined): IntegrationEntry {
  const values = row ? mapConfigSecrets({ config: service.settings }, row.settings, () => REDACTED) : service.settingsDefaults ?? {};
  return {
    id: service.id, label: service.label, pluginId, configured: Boolean(row), values: values as Record<string, unknown>,
    problem: row ? problemOf(deps, service, row.settings) : null, updatedAt: row ? iso(row.updatedAt) : null,
  };
}

async function storedRows(deps: ApiDeps, workspaceId: string): Promise<Map<string, StoredRow>> {
  const rows = await deps.database.sql<StoredRow[]>`
    select service_id as "serviceId", settings, updated_at as "updatedAt" from service_settings where workspace_id = ${workspaceId}`;
  return new Map(rows.map((r) => [r.serviceId, r]));
}

export async function listIntegrations(deps: ApiDeps, workspaceId: string): Promise<{ services: IntegrationEntry[]; hooks: HookEntry[] }> {
  const rows = await storedRows(deps, workspaceId);
  const hooks = deps.registry.plugins().flatMap((p) => (p.routes ?? []).map((r) => ({
    pluginId: p.id, method: r.method, path: r.path, url: hookUrl(appUrl(deps), p.id, workspaceId, r.path),
  })));
  return { services: configurable(deps).map((c) => entryOf(deps, c, rows.get(c.service.id))), hooks };
}

export async function saveIntegration(
  deps: ApiDeps, user: { id: string; workspaceId: string }, id: string, values: Record<string, unknown>,
): Promise<IntegrationEntry> {
  const found = configurable(deps).find((c) => c.service.id === id);
  if (!found) throw notFound('serviceSettings', id);
  const schema: z.ZodType = found.service.settings;
  const def = { config: schema };
  const before = (await storedRows(deps, user.workspaceId)).get(id);
  const parsed = schema.safeParse(withKeptSecrets(def, values, before?.settings ?? null, deps.database.secrets));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ['values', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message }));
    throw new SettingsInvalid(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), issues);
  }
  if (typeof parsed.data !== 'object' || parsed.data === null) throw new DomainError('INVALID', text('integration.settingsNotObject', { id }), 'values');
  const sealed = mapConfigSecrets(def, parsed.data, (value) => deps.database.secrets.seal(value));
  const [row] = await deps.database.sql<StoredRow[]>`
    insert into service_settings (workspace_id, service_id, settings, updated_at, updated_by)
    values (${user.workspaceId}, ${id}, ${JSON.stringify(sealed)}::text::jsonb, ${deps.clock.now()}, ${user.id})
    on conflict (workspace_id, service_id) do update
      set settings = excluded.settings, updated_at = excluded.updated_at, updated_by = excluded.updated_by
    returning service_id as "serviceId", settings, updated_at as "updatedAt"`;
  return entryOf(deps, found, row);
}
