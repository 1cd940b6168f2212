// The demo shop, seeded once: a workspace with customers, a catalogue, two years of
// orders, two segments, a published journey and a draft win-back journey with a coupon.
// Later starts only make sure the console can print a working login and ingestion key.
import { segmentRuleSchema, type Database } from '@afterglow/db';
import { addStarterTemplates, hashIngestKey, hashPassword, setShopifyConnection, verifyPassword } from '@afterglow/api';
import { STARTER_TEMPLATES } from '@afterglow/email';
import { randomBytes } from 'node:crypto';
import { generateDemoShop } from './generate';
import { THANK_YOU_JOURNEY_ID, THANK_YOU_JOURNEY_NAME, thankYouGraph } from './journey';
import { WIN_BACK_JOURNEY_ID, WIN_BACK_JOURNEY_NAME, winBackGraph } from './win-back';
import { newIngestKey, newPassword, readDemoSecrets, writeDemoSecrets, type DemoSecrets } from './secrets';
import { writeDemoShop } from './write';

export const DEMO_WORKSPACE_ID = 'ws_demo';
export const DEMO_EMAIL = 'admin@demo.shop';
const DEMO_USER_ID = 'usr_demo_admin';

export interface SeedOptions {
  database: Database;
  dataDir: string;
  now: Date;
  /** AFTERGLOW_INGEST_KEY: used as the demo workspace's key instead of a generated one. */
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

async function addIngestKey(database: Database, key: string, label: string): Promise<void> {
  await database.sql`
    insert into ingest_keys (id, workspace_id, prefix, key_hash, label)
    values (${`key_${randomBytes(8).toString('hex')}`}, ${DEMO_WORKSPACE_ID}, ${key.slice(0, 12)}, ${hashIngestKey(key)}, ${label})
    on conflict (key_hash) do nothing`;
}

async function seedFirstTime(opts: SeedOptions): Promise<DemoSecrets | null> {
  const { database, now } = opts;
  const secrets: DemoSecrets = {
    workspaceId: DEMO_WORKSPACE_ID, email: DEMO_EMAIL, password: newPassword(), ingestKey: opts.ingestKey ?? newIngestKey(),
  };
  const shop = generateDemoShop(now);
  const passwordHash = await hashPassword(secrets.password);
  const rules = demoSegments.map((s) => ({ ...s, rule: segmentRuleSchema.parse(s.rule) }));
  const created = await database.sql.begin(async (tx) => {
    // The workspace row is the "seeded once" marker; a concurrent start finds it and stops.
    const [ws] = await tx`
      insert into workspaces (id, name, signing_secret, created_at) values
        (${DEMO_WORKSPACE_ID}, 'Demo Shop', ${database.secrets.seal(randomBytes(32).toString('hex'))}, ${now.toISOString()}::timestamptz)
      on conflict (id) do nothing returning id`;
    if (!ws) return false;
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
  opts.log(`Seeded the demo shop: ${shop.customers.length} customers, ${shop.products.length} products, ${shop.orders.length} orders`);
  return secrets;
}

/** Restores what the console prints when demo.json is lost or stale (e.g. an external database). */
async function reconcileSecrets(opts: SeedOptions, saved: DemoSecrets | null): Promise<DemoSecrets> {
  const { database } = opts;
  const [user] = await database.sql<{ hash: string }[]>`select password_hash as hash from users where id = ${DEMO_USER_ID}`;
  let password = saved?.password;
  if (!user) throw new Error(`The demo workspace exists but its user ${DEMO_USER_ID} is missing`);
  if (!password || !(await verifyPassword(password, user.hash))) {
    password = newPassword();
    await database.sql`update users set password_hash = ${await hashPassword(password)} where id = ${DEMO_USER_ID}`;
    opts.log('The saved demo password was missing or stale: a new one was set');
  }
  let ingestKey = opts.ingestKey ?? saved?.ingestKey;
  const [live] = ingestKey
    ? await database.sql`select 1 from ingest_keys where key_hash = ${hashIngestKey(ingestKey)} and revoked_at is null and workspace_id = ${DEMO_WORKSPACE_ID}`
    : [];
  if (!live) {
    if (!ingestKey || !opts.ingestKey) ingestKey = newIngestKey();
    await addIngestKey(database, ingestKey, opts.ingestKey ? 'AFTERGLOW_INGEST_KEY' : 'Demo key');
  }
  return { workspaceId: DEMO_WORKSPACE_ID, email: DEMO_EMAIL, password, ingestKey: ingestKey as string };
}

/** Seeds the demo once, publishes its journey if that has not happened yet, and returns the console secrets. */
export async function ensureDemo(opts: SeedOptions): Promise<DemoSecrets> {
  const saved = readDemoSecrets(opts.dataDir);
  const fresh = await seedFirstTime(opts);
  const secrets = fresh ?? (await reconcileSecrets(opts, saved));
  const [journey] = await opts.database.sql<{ versionId: string | null }[]>`
    select current_version_id as "versionId" from journeys where id = ${THANK_YOU_JOURNEY_ID}`;
  // Publishing runs after the seed commits; a start interrupted in between publishes now.
  if (journey && !journey.versionId) {
    const published = await opts.publish(THANK_YOU_JOURNEY_ID, DEMO_USER_ID);
    if (!published.ok) throw new Error(`The demo journey does not publish: ${JSON.stringify(published.issues)}`);
  }
  // Every start applies the configured secret, so changing the variable takes effect on restart.
  if (opts.shopifyWebhookSecret) await setShopifyConnection(opts.database, DEMO_WORKSPACE_ID, opts.shopifyWebhookSecret, null, opts.now);
  if (JSON.stringify(saved) !== JSON.stringify(secrets)) writeDemoSecrets(opts.dataDir, secrets);
  return secrets;
}
