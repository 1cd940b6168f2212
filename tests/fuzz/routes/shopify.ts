// POST /webhooks/shopify: webhook bodies as Shopify has sent them over the years (or made
// from the handler's zod schema of the topic), for their topic or another, with hostile
// values mixed in, signed over the very bytes sent (most of
// the time; else wrongly or not at all), each with a fresh X-Shopify-Webhook-Id.
import fc from 'fast-check';
import { topicHandlers } from '../../../packages/api/src/shopify/topics';
import { shopifyBodies } from '../corpus';
import { toJson, withHostility } from '../hostile';
import { arbitraryForZod } from '../json-schema';
import { FRESH, type FuzzRequest } from '../request';
import { brokenBody, headerSafe, sometimes } from './common';

const TOPICS = {
  'orders/create': shopifyBodies.orders, 'orders/updated': shopifyBodies.orders, 'orders/fulfilled': shopifyBodies.orders,
  'orders/cancelled': shopifyBodies.orders, 'refunds/create': shopifyBodies.refunds, 'customers/create': shopifyBodies.customers,
  'customers/update': shopifyBodies.customers, 'products/create': shopifyBodies.products, 'products/update': shopifyBodies.products,
  'orders/paid': shopifyBodies.orders, 'app/uninstalled': shopifyBodies.customers,
  // Bodies of a near shape (an order_id, a cart of lines, a customer) for the topics the corpus seeds lack.
  'fulfillments/create': shopifyBodies.refunds, 'fulfillments/update': shopifyBodies.refunds, 'checkouts/create': shopifyBodies.orders,
  'checkouts/update': shopifyBodies.orders, 'customers_email_marketing_consent/update': shopifyBodies.customers,
  'customers/redact': shopifyBodies.customers, 'customers/delete': shopifyBodies.customers, 'orders/delete': shopifyBodies.orders,
};
const ALL = Object.values(shopifyBodies).flat();

export const shopifyRequests: fc.Arbitrary<FuzzRequest> = fc.record({
  topic: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...Object.keys(TOPICS)) }, { weight: 1, arbitrary: fc.constantFrom('', 'ORDERS/CREATE', 'x'.repeat(300)) }),
  webhookId: fc.oneof({ weight: 9, arbitrary: fc.constant(FRESH) }, { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(5000), '\xff\xfe') }),
  signature: fc.constantFrom<FuzzRequest['shopifySignature']>('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'wrong', 'none'),
  method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'GET'),
  crossed: fc.nat({ max: 7 }).map((n) => n === 0),
  broken: sometimes(12),
}).chain(({ topic, webhookId, signature, method, crossed, broken }) => {
  const bodies = TOPICS[topic as keyof typeof TOPICS] ?? ALL;
  // Now and then a body of another topic (a product sent as an order).
  const schema = topicHandlers[topic]?.schema;
  const body = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(crossed ? ALL : bodies)) },
    ...(schema ? [{ weight: 1, arbitrary: arbitraryForZod(schema) }] : []),
  );
  return withHostility(body, 0.6).map((value): FuzzRequest => {
    const json = toJson(value);
    const sent = broken === null ? { body: json, bodyEncoding: 'utf8' as const } : brokenBody(json, broken);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-shopify-topic': headerSafe(topic) };
    if (webhookId) headers['x-shopify-webhook-id'] = headerSafe(webhookId);
    return { route: `${method} /webhooks/shopify ${topic.slice(0, 20) || '(no topic)'}`, method, path: '/webhooks/shopify', headers, shopifySignature: signature, ...sent };
  });
});
