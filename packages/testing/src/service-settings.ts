// A workspace's settings of a plugin's service (gateway URL, account, token), stored as the
// engine reads them (readServiceSettings): checked with the service's settings schema, the
// fields it marks `widget: 'secret'` sealed.
import type { Database } from '@afterglow/db';
import { mapConfigSecrets } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';

export async function saveServiceSettings(
  database: Database, registry: NodeRegistry, workspaceId: string, serviceId: string, settings: unknown, now: Date,
): Promise<void> {
  const service = registry.service(serviceId);
  const known = registry.services().map((s) => s.id).join(', ') || 'none';
  if (!service) throw new Error(`serviceSettings: no service "${serviceId}" in the plugins given (services: ${known})`);
  if (!service.settings) throw new Error(`serviceSettings: service "${serviceId}" has no settings`);
  const parsed = service.settings.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`).join('; ');
    throw new Error(`serviceSettings["${serviceId}"] refused: ${issues}`);
  }
  const sealed = mapConfigSecrets({ config: service.settings }, settings, (value) => database.secrets.seal(value));
  await database.sql`
    insert into service_settings (workspace_id, service_id, settings, updated_at)
    values (${workspaceId}, ${serviceId}, ${JSON.stringify(sealed)}::text::jsonb, ${now})
    on conflict (workspace_id, service_id) do update set settings = excluded.settings, updated_at = excluded.updated_at`;
}
