// Each workspace's relay credentials (bounce_relays). The Postmark password and the Mailgun
// signing key must stay readable to check requests, so they are sealed (AFTERGLOW_SECRET_KEY),
// not hashed; the settings page only ever sees their last four characters.
import type { Database } from '@afterglow/db';

export const RELAY_PROVIDERS = ['ses', 'sendgrid', 'postmark', 'mailgun'] as const;
export type RelayProvider = (typeof RELAY_PROVIDERS)[number];

export interface RelaySettingsInfo {
  ses: { topicArns: string[] } | null;
  sendgrid: { keyHint: string } | null;
  postmark: { passwordHint: string } | null;
  mailgun: { keyHint: string } | null;
  updatedAt: string | null;
}

export type RelayCredential =
  | { provider: 'ses'; topicArns: string[] }
  | { provider: 'sendgrid'; publicKey: string }
  | { provider: 'postmark'; password: string }
  | { provider: 'mailgun'; signingKey: string };

const COLUMN = { ses: 'ses_topic_arns', sendgrid: 'sendgrid_public_key', postmark: 'postmark_password', mailgun: 'mailgun_signing_key' } as const;

interface Row { sesTopicArns: string[] | null; sendgridPublicKey: string | null; postmarkPassword: string | null; mailgunSigningKey: string | null; updatedAt: Date }

const hint = (value: string) => `…${value.slice(-4)}`;

export async function getRelaySettings(database: Database, workspaceId: string): Promise<RelaySettingsInfo> {
  const [row] = await database.sql<Row[]>`
    select ses_topic_arns as "sesTopicArns", sendgrid_public_key as "sendgridPublicKey", postmark_password as "postmarkPassword",
      mailgun_signing_key as "mailgunSigningKey", updated_at as "updatedAt"
    from bounce_relays where workspace_id = ${workspaceId}`;
  const open = (sealed: string) => database.secrets.open(sealed);
  return {
    ses: row?.sesTopicArns?.length ? { topicArns: row.sesTopicArns } : null,
    sendgrid: row?.sendgridPublicKey ? { keyHint: hint(row.sendgridPublicKey) } : null,
    postmark: row?.postmarkPassword ? { passwordHint: hint(open(row.postmarkPassword)) } : null,
    mailgun: row?.mailgunSigningKey ? { keyHint: hint(open(row.mailgunSigningKey)) } : null,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

/** Sets (or replaces) one relay's credential; the other relays' stay as they are. */
export async function setRelayCredential(database: Database, workspaceId: string, credential: RelayCredential, now: Date): Promise<void> {
  const { sql } = database;
  const value = credential.provider === 'ses' ? credential.topicArns
    : credential.provider === 'sendgrid' ? credential.publicKey
      : database.secrets.seal(credential.provider === 'postmark' ? credential.password : credential.signingKey);
  const column = COLUMN[credential.provider];
  await sql`
    insert into bounce_relays (workspace_id, ${sql(column)}, updated_at) values (${workspaceId}, ${value}, ${now})
    on conflict (workspace_id) do update set ${sql(column)} = excluded.${sql(column)}, updated_at = excluded.updated_at`;
}

export async function removeRelayCredential(database: Database, workspaceId: string, provider: RelayProvider, now: Date): Promise<void> {
  const { sql } = database;
  await sql`update bounce_relays set ${sql(COLUMN[provider])} = null, updated_at = ${now} where workspace_id = ${workspaceId}`;
}

/** The workspaces that accept SES notifications from `topicArn`. */
export async function workspacesForTopic(database: Database, topicArn: string): Promise<string[]> {
  const rows = await database.sql<{ workspaceId: string }[]>`
    select workspace_id as "workspaceId" from bounce_relays where ${topicArn} = any(ses_topic_arns) order by workspace_id`;
  return rows.map((r) => r.workspaceId);
}

/** Every workspace's credential for a relay that signs with one (opened), to find whose it is. */
export async function credentialsFor(database: Database, provider: 'sendgrid' | 'postmark' | 'mailgun'): Promise<Array<{ workspaceId: string; credential: string }>> {
  const { sql } = database;
  const rows = await sql<{ workspaceId: string; value: string }[]>`
    select workspace_id as "workspaceId", ${sql(COLUMN[provider])} as value from bounce_relays
    where ${sql(COLUMN[provider])} is not null order by workspace_id`;
  return rows.map((r) => ({ workspaceId: r.workspaceId, credential: provider === 'sendgrid' ? r.value : database.secrets.open(r.value) }));
}
