// /v1/*: the Segment HTTP API. Messages are the Segment docs' own, or made from the API's
// zod schemas (order events with their order properties among them), each with a fresh
// messageId (so what a request stored can be told from what it did not); sent to the right
// endpoint or a wrong one, alone or in batches, with hostile values mixed in, authenticated
// in every way a client might (or not), and sometimes as broken JSON.
import fc from 'fast-check';
import type { z } from 'zod';
import { orderPropertiesSchema } from '../../../packages/api/src/ingest/order-schema';
import { aliasSchema, groupSchema, identifySchema, pageSchema, trackSchema } from '../../../packages/api/src/ingest/schema';
import { segmentMessages } from '../corpus';
import { toJson, withHostility } from '../hostile';
import { arbitraryForZod, type Examples } from '../json-schema';
import { FRESH, type FuzzRequest } from '../request';
import { authorization, brokenBody, sometimes } from './common';

const ENDPOINTS = ['track', 'identify', 'page', 'screen', 'group', 'alias', 'batch', 't', 'i', 'p', 's', 'g', 'a', 'b', 'import', 'teleport'];
const typeOf: Record<string, string> = { t: 'track', i: 'identify', p: 'page', s: 'screen', g: 'group', a: 'alias', b: 'batch', import: 'batch' };

const schemas: Record<string, z.ZodType> = { track: trackSchema, identify: identifySchema, page: pageSchema, screen: pageSchema, group: groupSchema, alias: aliasSchema };
// Order lifecycle events, and the demo journey's goal (app.ts), whose revenue is copied into conversions.
const COMMERCE_EVENTS = ['Order Completed', 'order_shipped', 'order_delivered', 'order_cancelled', 'order_refunded', 'Order Updated', 'Checkout Started'];

export function segmentRequests(ingestKey: string, examples: Examples): fc.Arbitrary<FuzzRequest> {
  const fromSchema = (type: string) => arbitraryForZod(schemas[type] ?? trackSchema, examples);
  const order = fc.record({
    userId: fc.constantFrom(...(examples.customerId ?? ['cust_0001'])), event: fc.constantFrom(...COMMERCE_EVENTS),
    properties: arbitraryForZod(orderPropertiesSchema), status: fc.constantFrom('placed', 'shipped', 'refunded'),
  });
  const messageOf = (type: string) => fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...(segmentMessages[type] ?? segmentMessages.track)) },
    { weight: 1, arbitrary: fromSchema(type) },
    ...(type === 'track' ? [{ weight: 2, arbitrary: order as fc.Arbitrary<unknown> }] : []),
  ).map((m) => ({ ...(m as object), type: type === 'screen' ? 'screen' : schemas[type] ? type : 'track', messageId: FRESH }));
  const anyMessage = fc.constantFrom(...Object.keys(schemas)).chain(messageOf);
  const single = (type: string) => withHostility(messageOf(type), 0.6);
  const batch = fc.array(withHostility(anyMessage, 0.3), { minLength: 1, maxLength: 6 }).map((b) => ({ batch: b }));
  return fc.record({
    endpoint: fc.constantFrom(...ENDPOINTS),
    method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'GET', 'PUT'),
    auth: authorization(ingestKey),
    writeKey: fc.boolean(),
    broken: sometimes(10),
  }).chain(({ endpoint, method, auth, writeKey, broken }) => {
    const type = typeOf[endpoint] ?? endpoint;
    const body = type === 'batch' ? withHostility(batch, 0.2) : single(type);
    return body.map((value): FuzzRequest => {
      // Segment's other way to authenticate: the key as writeKey in the body.
      const withKey = writeKey && !auth.authorization && value && typeof value === 'object' && !Array.isArray(value) ? { ...value, writeKey: ingestKey } : value;
      const json = toJson(withKey);
      const sent = broken === null ? { body: json, bodyEncoding: 'utf8' as const } : brokenBody(json, broken);
      return { route: `${method} /v1/${endpoint}`, method, path: `/v1/${endpoint}`, headers: { 'content-type': 'application/json', ...auth }, ...sent };
    });
  });
}
