// The real-world seeds the fuzz suite mutates (corpus/, sources in corpus/SOURCES.md):
// Segment messages as the Segment docs show them, Shopify webhook bodies of four eras,
// bounce and complaint mails from many MTAs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const read = (...parts: string[]) => readFileSync(path.join(dir, ...parts));

interface SegmentDocs {
  http: { examples: Array<{ endpoint: string; raw: string }> };
  spec: Array<{ doc: string; raw: string }>;
  ecommerce: { examples: Array<{ event: string; properties: Record<string, unknown> }> };
}

const docs = JSON.parse(read('segment', 'segment-docs.json').toString('utf8')) as SegmentDocs;

/** Segment messages by type (track, identify, page, screen, group, alias), each with its type set. */
export const segmentMessages: Record<string, Record<string, unknown>[]> = {};
const addMessage = (type: string, message: Record<string, unknown>) => (segmentMessages[type] ??= []).push({ ...message, type });
for (const e of docs.spec) addMessage(e.doc, JSON.parse(e.raw));
for (const e of docs.http.examples) {
  const body = JSON.parse(e.raw) as Record<string, unknown>;
  if (e.endpoint === 'batch') for (const m of body.batch as Record<string, unknown>[]) addMessage(String(m.type), m);
  else addMessage(e.endpoint, body);
}
// The e-commerce spec's events, sent by a known customer (order events need one).
for (const e of docs.ecommerce.examples) addMessage('track', { userId: 'cust_0001', event: e.event, properties: e.properties });

const shopifyFiles = readdirSync(path.join(dir, 'shopify'));
const shopifyOf = (pattern: RegExp) => shopifyFiles.filter((f) => pattern.test(f)).map((f) => JSON.parse(read('shopify', f).toString('utf8')) as unknown);

/** Shopify webhook bodies by what they are. */
export const shopifyBodies = {
  orders: shopifyOf(/-order/i),
  refunds: shopifyOf(/-refund/i),
  customers: shopifyOf(/-customer/i),
  products: shopifyOf(/-product/i),
};

const bounceFiles = readdirSync(path.join(dir, 'bounces'));
/** Bounce and complaint mails as bytes (latin1 strings: one character per byte). */
export const bounceMails = bounceFiles.filter((f) => f.endsWith('.eml')).map((f) => read('bounces', f).toString('latin1'));
/** What relays (SES, SendGrid) post about bounces: not Afterglow's shape, so refused. */
export const relayBodies = bounceFiles.filter((f) => f.endsWith('.json')).map((f) => JSON.parse(read('bounces', f).toString('utf8')) as unknown);

/** The relays' documented webhook bodies (tests/fixtures/relays/, sources in its README). */
const relayDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'relays');
export const relaySamples = readdirSync(relayDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(relayDir, f), 'utf8')) as unknown);
