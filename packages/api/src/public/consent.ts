// Consent changes made by recipients: customers.marketing_consent holds the current state,
// consent_ledger every change with its source and time, customer_preferences the topics.
// A change that changes nothing writes nothing, so repeating a request is harmless.
import type { Database, Queryable } from '@afterglow/db';
import { recordEmailEvents, tokenWorkspace, TokenError, verifyToken, type PayloadOf, type TokenKind } from '@afterglow/email';
import { inputIssues } from '../input-policy/index';
import type { KnownLanguages } from './locale';

/** The workspace's link-signing secret (stored sealed), or null for a workspace that does not exist. */
export async function workspaceSigningSecret(database: Database, workspaceId: string): Promise<string | null> {
  const [row] = await database.sql<{ secret: string }[]>`select signing_secret as secret from workspaces where id = ${workspaceId}`;
  return row ? database.secrets.open(row.secret) : null;
}

/** The token's payload once its signature checks out against its workspace's secret; null otherwise. */
export async function verifyWithWorkspace<K extends TokenKind>(database: Database, token: string, kind: K): Promise<PayloadOf<K> | null> {
  try {
    const workspaceId = tokenWorkspace(token);
    // Read before the signature is checked: whatever the token claims goes to a query.
    if (inputIssues(workspaceId).length > 0) return null;
    const secret = await workspaceSigningSecret(database, workspaceId);
    if (secret === null) return null;
    return verifyToken(token, kind, secret);
  } catch (err) {
    if (err instanceof TokenError) return null;
    throw err;
  }
}

export interface Recipient {
  exists: boolean; email: string | null; marketingConsent: boolean; shopName: string; topics: Record<string, boolean>;
  /** What the page's language is chosen from (pageLocale). */
  languages: KnownLanguages;
}

interface RecipientRow {
  email: string | null; consent: boolean | null; shop: string; topics: Record<string, boolean> | null;
  locale: string | null; shopLocale: string | null;
}

export async function loadRecipient(sql: Queryable, workspaceId: string, customerId: string): Promise<Recipient> {
  const [row] = await sql<RecipientRow[]>`
    select c.email, c.marketing_consent as consent, w.name as shop, p.topics, c.locale, w.settings->'shop'->>'locale' as "shopLocale"
    from workspaces w
    left join customers c on c.workspace_id = w.id and c.id = ${customerId}
    left join customer_preferences p on p.workspace_id = w.id and p.customer_id = ${customerId}
    where w.id = ${workspaceId}`;
  const exists = row?.consent !== null && row?.consent !== undefined;
  return {
    exists, email: row?.email ?? null, marketingConsent: row?.consent ?? false, shopName: row?.shop ?? '', topics: row?.topics ?? {},
    languages: { customerKnown: exists, customerLocale: row?.locale ?? null, shopLocale: row?.shopLocale ?? null },
  };
}

export interface ConsentChange {
  workspaceId: string; customerId: string; source: string; outboxId?: string | null; at: Date;
}

/** Sets marketing consent; returns whether it changed (and then writes the ledger row). */
export async function setMarketingConsent(tx: Queryable, change: ConsentChange, consent: boolean): Promise<boolean> {
  const changed = await tx`
    update customers set marketing_consent = ${consent}, updated_at = ${change.at}
    where workspace_id = ${change.workspaceId} and id = ${change.customerId} and marketing_consent <> ${consent}
    returning id`;
  if (changed.length === 0) return false;
  await tx`
    insert into consent_ledger (workspace_id, customer_id, action, topic, source, outbox_id, at)
    values (${change.workspaceId}, ${change.customerId}, ${consent ? 'opt_in' : 'opt_out'}, null, ${change.source},
      ${change.outboxId ?? null}, ${change.at})`;
  return true;
}

/** The email whose unsubscribe link was used: counted on its node (once per email). */
export async function recordUnsubscribeEvent(tx: Queryable, workspaceId: string, outboxId: string, at: Date): Promise<void> {
  await recordEmailEvents(tx, [{ workspaceId, outboxId, type: 'unsubscribe', at }]);
}

/** Stores the topic choices; every topic whose choice changed gets a ledger row. */
export async function setTopics(tx: Queryable, change: ConsentChange, before: Record<string, boolean>, after: Record<string, boolean>): Promise<number> {
  const changed = Object.keys(after).filter((topic) => (before[topic] ?? true) !== after[topic]);
  if (changed.length === 0) return 0;
  await tx`
    insert into customer_preferences (workspace_id, customer_id, topics, updated_at)
    values (${change.workspaceId}, ${change.customerId}, ${tx.json(after)}, ${change.at})
    on conflict (workspace_id, customer_id) do update set topics = excluded.topics, updated_at = excluded.updated_at`;
  await tx`
    insert into consent_ledger (workspace_id, customer_id, action, topic, source, outbox_id, at)
    select ${change.workspaceId}, ${change.customerId}, t.action, t.topic, ${change.source}, null, ${change.at}::timestamptz
    from unnest(${changed}::text[], ${changed.map((t) => (after[t] ? 'opt_in' : 'opt_out'))}::text[]) as t(topic, action)`;
  return changed.length;
}
