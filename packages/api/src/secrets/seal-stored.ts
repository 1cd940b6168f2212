// Brings every stored secret under the current key: plain values written before encryption
// existed are sealed, values sealed with an earlier key (AFTERGLOW_SECRET_KEY_PREVIOUS) are
// re-sealed. Run at every start of a serving process and by `pnpm secrets:rotate`; a second
// run finds nothing to do. Rows are rewritten only if unchanged since read (or locked), so a
// save or a send happening meanwhile is never overwritten. Service effects (a Call webhook step's
// calls among them) keep secrets only while pending (the dispatcher empties them once final),
// so only pending ones are visited.
import { SecretKeyUnknown, sealedLike, type Database, type SecretBox } from '@afterglow/db';
import { mapConfigSecrets, mapGraphSecrets, mapPlanSecrets, secretFieldsOf, typesWithSecrets, type JourneyGraph, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { sealServiceEffects } from './seal-effects';

export interface SealReport {
  /** Values sealed or re-sealed under the current key, by where they are. */
  sealed: Record<string, number>;
  /** Pending service effects being sent at that moment: the next run (or start) takes them. */
  busy: number;
}

/** Stored secrets sealed with keys this process was not given: nothing can use them until it is. */
export class SecretsUnreadable extends Error {}

/** Re-seals one value; records the key ids it cannot open. */
function resealer(box: SecretBox, unknown: Map<string, Set<string>>) {
  return (value: string, where: string): string => {
    if (box.isCurrent(value)) return value;
    try {
      return box.seal(box.open(value));
    } catch (err) {
      if (!(err instanceof SecretKeyUnknown)) throw err;
      if (!unknown.has(err.keyId)) unknown.set(err.keyId, new Set());
      unknown.get(err.keyId)!.add(where);
      return value;
    }
  };
}

type Reseal = ReturnType<typeof resealer>;

async function sealColumn(database: Database, table: 'workspaces' | 'shopify_connections' | 'bounce_relays', key: string, column: string, reseal: Reseal) {
  const { sql } = database;
  const rows = await sql<{ id: string; value: string }[]>`
    select ${sql(key)} as id, ${sql(column)} as value from ${sql(table)} where ${sql(column)} not like ${sealedLike(database.secrets.keyId)}`;
  const changed = rows.map((r) => ({ ...r, next: reseal(r.value, `${table}.${column}`) })).filter((r) => r.next !== r.value);
  if (changed.length === 0) return 0;
  const updated = await sql`
    update ${sql(table)} as t set ${sql(column)} = n.next
    from unnest(${changed.map((r) => r.id)}::text[], ${changed.map((r) => r.value)}::text[], ${changed.map((r) => r.next)}::text[]) as n(id, old, next)
    where t.${sql(key)} = n.id and t.${sql(column)} = n.old`;
  return updated.count;
}

/** Journeys' drafts and versions' graphs and plans that hold a node of a type with secrets. */
async function sealJourneys(database: Database, registry: NodeRegistry, reseal: Reseal) {
  const { sql } = database;
  const types = typesWithSecrets(registry);
  if (types.length === 0) return { drafts: 0, versions: 0 };
  const nodesOf = (doc: string) => sql.unsafe(`case when jsonb_typeof(${doc}) = 'array' then ${doc} else '[]'::jsonb end`);
  const drafts = await sql<{ id: string; draft: JourneyGraph }[]>`
    select id, draft from journeys
    where exists (select 1 from jsonb_array_elements(${nodesOf("draft->'nodes'")}) n where n->>'type' = any(${types}))`;
  let draftCount = 0;
  for (const row of drafts) {
    const next = mapGraphSecrets(row.draft, registry, (value) => reseal(value, 'journeys.draft'));
    if (JSON.stringify(next) === JSON.stringify(row.draft)) continue;
    const done = await sql`update journeys set draft = ${JSON.stringify(next)}::text::jsonb
      where id = ${row.id} and draft = ${JSON.stringify(row.draft)}::text::jsonb`;
    draftCount += done.count;
  }
  const versions = await sql<{ id: string; graph: JourneyGraph; plan: JourneyPlan }[]>`
    select id, graph, plan from journey_versions
    where exists (select 1 from jsonb_array_elements(${nodesOf("graph->'nodes'")}) n where n->>'type' = any(${types}))`;
  let versionCount = 0;
  for (const row of versions) {
    const graph = mapGraphSecrets(row.graph, registry, (value) => reseal(value, 'journey_versions.graph'));
    const plan = mapPlanSecrets(row.plan, registry, (value) => reseal(value, 'journey_versions.plan'));
    if (JSON.stringify([graph, plan]) === JSON.stringify([row.graph, row.plan])) continue;
    // Versions never change otherwise: nothing to race with.
    await sql`update journey_versions set graph = ${JSON.stringify(graph)}::text::jsonb, plan = ${JSON.stringify(plan)}::text::jsonb
      where id = ${row.id}`;
    versionCount++;
  }
  return { drafts: draftCount, versions: versionCount };
}

/** Services' settings (service_settings) of the services whose settings schema has secret fields. */
async function sealServiceSettings(database: Database, registry: NodeRegistry, reseal: Reseal) {
  const { sql } = database;
  const ids = registry.services().filter((s) => s.settings && secretFieldsOf({ config: s.settings }).secrets.length > 0).map((s) => s.id);
  if (ids.length === 0) return 0;
  const rows = await sql<{ workspaceId: string; serviceId: string; settings: unknown }[]>`
    select workspace_id as "workspaceId", service_id as "serviceId", settings from service_settings where service_id = any(${ids})`;
  let count = 0;
  for (const row of rows) {
    const next = mapConfigSecrets({ config: registry.service(row.serviceId)!.settings }, row.settings, (value) => reseal(value, 'service_settings.settings'));
    if (JSON.stringify(next) === JSON.stringify(row.settings)) continue;
    // Only if unchanged since read: an admin's save meanwhile wins.
    const done = await sql`update service_settings set settings = ${JSON.stringify(next)}::text::jsonb
      where workspace_id = ${row.workspaceId} and service_id = ${row.serviceId} and settings = ${JSON.stringify(row.settings)}::text::jsonb`;
    count += done.count;
  }
  return count;
}

export async function sealStoredSecrets(database: Database, registry: NodeRegistry): Promise<SealReport> {
  const unknown = new Map<string, Set<string>>();
  const reseal = resealer(database.secrets, unknown);
  const workspaces = await sealColumn(database, 'workspaces', 'id', 'signing_secret', reseal);
  const shopify = await sealColumn(database, 'shopify_connections', 'workspace_id', 'webhook_secret', reseal);
  const postmark = await sealColumn(database, 'bounce_relays', 'workspace_id', 'postmark_password', reseal);
  const mailgun = await sealColumn(database, 'bounce_relays', 'workspace_id', 'mailgun_signing_key', reseal);
  const journeys = await sealJourneys(database, registry, reseal);
  const services = await sealServiceSettings(database, registry, reseal);
  const effects = await sealServiceEffects(database, registry, reseal);
  if (unknown.size > 0) {
    const keys = [...unknown].map(([id, where]) => `${id} (in ${[...where].join(', ')})`).join('; ');
    throw new SecretsUnreadable(`Stored secrets are sealed with keys that are not configured: ${keys}. `
      + 'Set AFTERGLOW_SECRET_KEY_PREVIOUS to the key they were sealed with (comma-separated for several).');
  }
  return {
    sealed: {
      'workspaces.signing_secret': workspaces, 'shopify_connections.webhook_secret': shopify,
      'bounce_relays.postmark_password': postmark, 'bounce_relays.mailgun_signing_key': mailgun,
      'journeys.draft': journeys.drafts, 'journey_versions': journeys.versions,
      'service_settings': services, 'service_effects': effects.sealed,
    },
    busy: effects.busy,
  };
}
