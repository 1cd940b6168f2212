// Pending service effects (service_effects) keep their payload's secret fields sealed until
// delivered; the dispatcher empties them once an effect is final. Re-sealed here a batch at a
// time, skipping effects a dispatcher holds right now (they are counted as busy for the next run).
import type { Database } from '@afterglow/db';
import { mapConfigSecrets, secretFieldsOf } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';

const BATCH = 500;

type Reseal = (value: string, where: string) => string;

export async function sealServiceEffects(database: Database, registry: NodeRegistry, reseal: Reseal) {
  const { sql } = database;
  const withSecrets = registry.services().filter((s) => secretFieldsOf({ config: s.payload }).secrets.length > 0);
  if (withSecrets.length === 0) return { sealed: 0, busy: 0 };
  const ids = withSecrets.map((s) => s.id);
  let after = '00000000-0000-0000-0000-000000000000';
  let sealed = 0;
  let visited = 0;
  for (;;) {
    const batch = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string; serviceId: string; payload: unknown }[]>`
        select id, service_id as "serviceId", payload from service_effects
        where id > ${after} and status = 'pending' and service_id = any(${ids})
        order by id limit ${BATCH} for update skip locked`;
      if (rows.length === 0) return null;
      const changed = rows.map((r) => ({ id: r.id, before: JSON.stringify(r.payload),
        after: JSON.stringify(mapConfigSecrets({ config: registry.service(r.serviceId)!.payload }, r.payload,
          (value) => reseal(value, 'service_effects.payload'))) })).filter((r) => r.before !== r.after);
      if (changed.length > 0) {
        await tx`
          update service_effects as e set payload = n.payload::jsonb
          from unnest(${changed.map((r) => r.id)}::uuid[], ${changed.map((r) => r.after)}::text[]) as n(id, payload)
          where e.id = n.id`;
      }
      sealed += changed.length;
      visited += rows.length;
      return rows;
    });
    if (!batch) break;
    after = batch[batch.length - 1].id;
  }
  // Pending effects the batches did not visit were held by a dispatcher (or queued meanwhile).
  const [{ pending }] = await sql<{ pending: number }[]>`
    select count(*)::int as pending from service_effects where status = 'pending' and service_id = any(${ids})`;
  return { sealed, busy: Math.max(0, pending - visited) };
}
