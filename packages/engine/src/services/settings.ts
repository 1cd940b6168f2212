// A workspace's settings of a service (service_settings): stored with the fields its settings
// schema marks `widget: 'secret'` sealed, opened here for the service's deliver() and routes.
import type { Queryable, SecretBox } from '@afterglow/db';
import { mapConfigSecrets } from '@afterglow/journey-core';
import type { AnyServiceDefinition } from '@afterglow/node-sdk';

/**
 * The settings as the service's schema parses them, secrets opened; null when the workspace has
 * not configured the service (or the stored settings no longer parse: the admin must save them again).
 */
export async function readServiceSettings(
  sql: Queryable, secrets: SecretBox, workspaceId: string, service: AnyServiceDefinition,
): Promise<unknown | null> {
  if (!service.settings) return null;
  const [row] = await sql<{ settings: unknown }[]>`
    select settings from service_settings where workspace_id = ${workspaceId} and service_id = ${service.id}`;
  if (!row) return null;
  const opened = mapConfigSecrets({ config: service.settings }, row.settings, (value) => secrets.open(value));
  const parsed = service.settings.safeParse(opened);
  return parsed.success ? parsed.data : null;
}
