// The profile service of a batch: attribute and tag changes asked by steps (Update profile),
// buffered like every effect and written with one set-based UPDATE in the batch's transaction,
// so a change commits with the step that asked for it and a retried batch writes it once.
// Every part is idempotent as SQL too (set a value, add a tag only when absent, remove one),
// so writing the same change twice leaves the same profile.
import type { Queryable } from '@afterglow/db';
import type { CustomerSnapshot, ProfileUpdate, Services } from '@afterglow/node-sdk';

/** One customer's changes of a batch, folded in the order the steps asked for them. */
export interface ProfileRow {
  workspace_id: string;
  customer_id: string;
  /** Attributes to set, and (null) to clear. */
  attributes: Record<string, string | number | boolean | null>;
  /** Each tag's last change: true adds, false removes. */
  tags: Map<string, boolean>;
}

export type ProfileBuffer = Map<string, ProfileRow>;

const cleanTags = (tags: string[] | undefined) => (tags ?? []).map((t) => t.trim()).filter(Boolean);

export function profileService(
  workspaceId: string, customer: CustomerSnapshot, buffer: ProfileBuffer, detail: Record<string, unknown>,
): Services['profile'] {
  return {
    async update(update: ProfileUpdate) {
      const key = `${workspaceId}\u0000${customer.id}`;
      let row = buffer.get(key);
      if (!row) buffer.set(key, (row = { workspace_id: workspaceId, customer_id: customer.id, attributes: {}, tags: new Map() }));
      Object.assign(row.attributes, update.attributes);
      for (const tag of cleanTags(update.addTags)) row.tags.set(tag, true);
      for (const tag of cleanTags(update.removeTags)) row.tags.set(tag, false);
      applyToSnapshot(customer, update);
      detail.profile = update;
    },
  };
}

/** Later steps of the same walk see the change, as they will once it is stored. */
function applyToSnapshot(customer: CustomerSnapshot, update: ProfileUpdate) {
  const attributes = { ...customer.attributes };
  for (const [name, value] of Object.entries(update.attributes ?? {})) {
    if (value === null) delete attributes[name];
    else attributes[name] = value;
  }
  const removed = new Set(cleanTags(update.removeTags));
  const tags = [...new Set([...customer.tags, ...cleanTags(update.addTags)])].filter((t) => !removed.has(t));
  Object.assign(customer, { attributes, tags });
}

/**
 * One UPDATE for what the batch has buffered (usually the whole batch, at its end; earlier when a
 * segment check must see it), emptying the buffer. Cleared attributes go before set ones (`-`
 * then `||`); tags keep their first position, new ones after, each once. Rows go in key order,
 * as ingestion takes its locks; a rare deadlock between two batches rolls one back, to be retried.
 */
export async function writeProfiles(tx: Queryable, buffer: ProfileBuffer, now: Date): Promise<void> {
  if (buffer.size === 0) return;
  // Taken out before the await: changes buffered meanwhile wait for the next write.
  const taken = [...buffer.values()];
  buffer.clear();
  const rows = taken.sort((a, b) =>
    a.workspace_id.localeCompare(b.workspace_id) || (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0))
    .map((r) => {
      const entries = Object.entries(r.attributes);
      return {
        workspace_id: r.workspace_id, customer_id: r.customer_id,
        set: Object.fromEntries(entries.filter(([, v]) => v !== null)),
        clear: entries.filter(([, v]) => v === null).map(([k]) => k),
        add: [...r.tags].filter(([, on]) => on).map(([t]) => t),
        remove: [...r.tags].filter(([, on]) => !on).map(([t]) => t),
      };
    });
  await tx`
    update customers c set
      attributes = (c.attributes - v.clear) || v.set,
      tags = array(select t from unnest(c.tags || v.add) with ordinality u(t, n)
        where t <> all(v.remove) group by t order by min(n)),
      updated_at = ${now}
    from jsonb_to_recordset(${tx.json(rows as never)}) as v(workspace_id text, customer_id text, set jsonb,
      clear text[], add text[], remove text[])
    where c.workspace_id = v.workspace_id and c.id = v.customer_id`;
}
