// The demo shop, seeded into a new database only (one without any account): a workspace with
// customers, a catalogue, two years of orders, two segments, a published journey and a draft
// win-back journey with a coupon. Its secrets are returned once, when it is created; later
// starts never reset them nor bring back a key revoked in Settings.
import { segmentRuleSchema, type Database } from '@afterglow/db';
import { addStarterTemplates, claimFirstAccount, hashIngestKey, hasNoUser, hashPassword, setShopifyConnection } from '@afterglow/api';
import { STARTER_TEMPLATES } from '@afterglow/email';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { applyConfiguredIngestKey } from './configured-key';
import { generateDemoShop } from './generate';
import { THANK_YOU_JOURNEY_ID, THANK_YOU_JOURNEY_NAME, thankYouGraph } from './journey';
import { WIN_BACK_JOURNEY_ID, WIN_BACK_JOURNEY_NAME, winBackGraph } from './win-back';
import { demoSecretsFile, newIngestKey, newPassword, writeDemoSecrets, type DemoSecrets } from './secrets';
import { writeDemoShop } from './write';

export const DEMO_WORKSPACE_ID = 'ws_demo';
export const DEMO_EMAIL = 'admin@demo.shop';
const DEMO_USER_ID = 'usr_demo_admin';

export interface SeedOptions {
  database: Database;
  dataDir: string;
  now: Date;
  /** Seed the demo when the database has no account yet (else only look after an existing demo). */
  create: boolean;
  /** AFTERGLOW_INGEST_KEY: the demo's key at creation instead of a generated one; later added if never stored. */
  ingestKey?: string;
  /** SHOPIFY_WEBHOOK_SECRET: the demo workspace accepts Shopify webhooks signed with it (any shop domain). */
  shopifyWebhookSecret?: string;
  /** Publishes a journey's draft (publishJourney from @afterglow/api, wired by the app). */
  publish(journeyId: string, userId: string): Promise<{ ok: true } | { ok: false; issues: unknown[] }>;
  log(line: string): void;
}

export const demoSegments = [
  { id: 'seg_demo_recent_buyers', name: 'Bought in the last 90 days', description: 'Placed at least one order in the last 90 days',
    rule: { kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 90 } },
  { id: 'seg_demo_vip', name: 'VIP: 3+ orders', description: 'Customers with three or more orders',
    rule: { kind: 'orders', measure: 'count', op: 'gte', value: 3 } },
];

async function seedFirstTime(opts: SeedOptions): Promise<DemoSecrets | null> {
  const { database, now } = opts;
  if (!(await hasNoUser(database))) return null; // checked again under the lock; this spares generating the shop
  const secrets: DemoSecrets = {
    workspaceId: DEMO_WORKSPACE_ID, email: DEMO_EMAIL, password: newPassword(), ingestKey: opts.ingestKey ?? newIngestKey(),
  };
  const shop = generateDemoShop(now);
  const passwordHash = await hashPassword(secrets.password);
  const rules = demoSegments.map((s) => ({ ...s, rule: segmentRuleSchema.parse(s.rule) }));
  const created = await database.sql.begin(async (tx) => {
    // Only into a new database: not over an owner made on the first-run page, nor twice.
    if (!(await claimFirstAccount(tx))) return false;
    await tx`insert into workspaces (id, name, signing_secret, created_at) values
      (${DEMO_WORKSPACE_ID}, 'Demo Shop', ${database.secrets.seal(randomBytes(32).toString('hex'))}, ${now.toISOString()}::timestamptz)`;
    await tx`insert into users (id, workspace_id, email, name, password_hash, role)
      values (${DEMO_USER_ID}, ${DEMO_WORKSPACE_ID}, ${DEMO_EMAIL}, 'Demo Admin', ${passwordHash}, 'owner')`;
    await tx`insert into ingest_keys (id, workspace_id, prefix, key_hash, label)
      values ('key_demo', ${DEMO_WORKSPACE_ID}, ${secrets.ingestKey.slice(0, 12)}, ${hashIngestKey(secrets.ingestKey)}, 'Demo key')`;
    await writeDemoShop(tx, DEMO_WORKSPACE_ID, shop, now);
    await tx`
      insert into segments (id, workspace_id, name, description, rule)
      select s.id, ${DEMO_WORKSPACE_ID}, s.name, s.description, s.rule
      from jsonb_to_recordset(${JSON.stringify(rules)}::text::jsonb) as s(id text, name text, description text, rule jsonb)`;
    await tx`insert into journeys (id, workspace_id, name, draft) values
      (${THANK_YOU_JOURNEY_ID}, ${DEMO_WORKSPACE_ID}, ${THANK_YOU_JOURNEY_NAME}, ${JSON.stringify(thankYouGraph())}::text::jsonb)`;
    await addStarterTemplates(tx, DEMO_WORKSPACE_ID, now, STARTER_TEMPLATES);
    const [winBack] = await tx<{ id: string }[]>`
      select id from email_templates where workspace_id = ${DEMO_WORKSPACE_ID} and starter = 'win-back'`;
    await tx`insert into journeys (id, workspace_id, name, draft) values (${WIN_BACK_JOURNEY_ID}, ${DEMO_WORKSPACE_ID},
      ${WIN_BACK_JOURNEY_NAME}, ${JSON.stringify(winBackGraph(demoSegments[0].id, winBack.id))}::text::jsonb)`;
    return true;
  });
  if (!created) return null;
  writeDemoSecrets(opts.dataDir, secrets); // at once: they are shown only this time
  opts.log(`Seeded the demo shop: ${shop.customers.length} customers, ${shop.products.length} products, ${shop.orders.length} orders`);
  return secrets;
}

/**
 * Seeds the demo into a new database (when `create`), and looks after an existing demo: its
 * journey published, the configured key and Shopify secret applied. Returns the demo's secrets
 * when this call created it, null otherwise: they are shown once.
 */
export async function ensureDemo(opts: SeedOptions): Promise<DemoSecrets | null> {
  const created = opts.create ? await seedFirstTime(opts) : null;
  const [demo] = await opts.database.sql`select 1 from workspaces where id = ${DEMO_WORKSPACE_ID}`;
  if (!demo) {
    if (opts.ingestKey || opts.shopifyWebhookSecret) {
      opts.log('AFTERGLOW_INGEST_KEY and SHOPIFY_WEBHOOK_SECRET apply to the demo workspace, and there is none: set them up in Settings');
    }
    return null;
  }
  const [journey] = await opts.database.sql<{ versionId: string | null }[]>`
    select current_version_id as "versionId" from journeys where id = ${THANK_YOU_JOURNEY_ID}`;
  // Publishing runs after the seed commits; a start interrupted in between publishes now.
  if (journey && !journey.versionId) {
    const published = await opts.publish(THANK_YOU_JOURNEY_ID, DEMO_USER_ID);
    if (!published.ok) throw new Error(`The demo journey does not publish: ${JSON.stringify(published.issues)}`);
  }
  if (!created && opts.ingestKey) await applyConfiguredIngestKey(opts.database, DEMO_WORKSPACE_ID, opts.ingestKey, opts.log);
  // Every start applies the configured secret, so changing the variable takes effect on restart.
  if (opts.shopifyWebhookSecret) await setShopifyConnection(opts.database, DEMO_WORKSPACE_ID, opts.shopifyWebhookSecret, null, opts.now);
  if (!created) {
    const file = demoSecretsFile(opts.dataDir);
    opts.log(`Demo shop: sign in as ${DEMO_EMAIL} with the password shown when it was created${existsSync(file) ? ` (kept in ${file})` : ''}`);
  }
  return created;
}
