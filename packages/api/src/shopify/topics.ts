// Each Shopify topic Afterglow handles: the schema of its body, the customers it erases
// (GDPR topics, before anything else), and the messages it stores, made inside the
// webhook's transaction because some need the stored order (refunds, fulfilments and
// deletions name only the order, not its customer).
import { ERASED_CUSTOMER_ID } from '@afterglow/db';
import type postgres from 'postgres';
import type { z } from 'zod';
import { upsertProducts } from '../ingest/records';
import type { ParsedMessage } from '../ingest/schema';
import { shopifyCheckoutSchema, shopifyConsentSchema, shopifyDeletionSchema, shopifyFulfillmentSchema, shopifyRedactSchema } from './event-payloads';
import { customerMessage, orderMessages, productUpdate, refundMessage, type OrderTopic } from './map';
import { checkoutCustomerId, checkoutMessages, consentMessages, fulfillmentMessage, orderDeletedMessage } from './map-events';
import { shopifyCustomerSchema, shopifyOrderSchema, shopifyProductSchema, shopifyRefundSchema } from './payloads';

export interface TopicContext {
  tx: postgres.TransactionSql;
  workspaceId: string;
  webhookId: string;
  shopDomain: string | undefined;
  now: Date;
}

interface TopicHandler<S extends z.ZodType> {
  schema: S;
  /** Customer ids whose data the webhook asks to erase. */
  erases?: (data: z.output<S>) => string[];
  messages: (data: z.output<S>, ctx: TopicContext) => Promise<ParsedMessage[]>;
}
const topic = <S extends z.ZodType>(handler: TopicHandler<S>) => handler as unknown as TopicHandler<z.ZodType>;

/** The stored order a webhook names (an erased customer's counts as none), with what a refund compares against. */
async function storedOrder({ tx, workspaceId }: TopicContext, orderId: string) {
  const [order] = await tx<{ customerId: string; total: number; quantity: number }[]>`
    select o.customer_id as "customerId", o.total::float8 as total, (select coalesce(sum(i.quantity), 0)::int from order_items i
      where i.workspace_id = o.workspace_id and i.order_id = o.id) as quantity
    from orders o where o.workspace_id = ${workspaceId} and o.id = ${orderId} and o.customer_id <> ${ERASED_CUSTOMER_ID}`;
  return order;
}

const order = (name: OrderTopic) => topic({
  schema: shopifyOrderSchema, messages: async (o, { webhookId }) => orderMessages(name, o, webhookId),
});
const customer = topic({ schema: shopifyCustomerSchema, messages: async (c, { webhookId }) => [customerMessage(c, `shopify:${webhookId}`)] });
const product = topic({
  schema: shopifyProductSchema,
  messages: async (p, { tx, workspaceId, shopDomain }) => {
    await upsertProducts(tx, workspaceId, [productUpdate(p, shopDomain)]);
    return [];
  },
});
// An order never received (placed before the shop was connected), or an erased customer's:
// nothing to refund or track. Its orders/updated webhook, which follows, brings its state.
const fulfillment = (created: boolean) => topic({
  schema: shopifyFulfillmentSchema,
  messages: async (f, ctx) => {
    const stored = await storedOrder(ctx, f.order_id);
    return stored ? [fulfillmentMessage(f, created, stored.customerId, ctx.webhookId)] : [];
  },
});
const checkout = (created: boolean) => topic({
  schema: shopifyCheckoutSchema,
  messages: async (c, { webhookId }) => {
    const customerId = checkoutCustomerId(c);
    return customerId ? checkoutMessages(c, created, customerId, webhookId) : [];
  },
});

/** The topics handled. */
export const topicHandlers: Record<string, TopicHandler<z.ZodType>> = {
  'orders/create': order('orders/create'),
  'orders/updated': order('orders/updated'),
  'orders/paid': order('orders/paid'),
  'orders/fulfilled': order('orders/fulfilled'),
  'orders/cancelled': order('orders/cancelled'),
  'orders/delete': topic({
    schema: shopifyDeletionSchema,
    messages: async ({ id }, ctx) => {
      const stored = await storedOrder(ctx, id);
      await ctx.tx`delete from order_items where workspace_id = ${ctx.workspaceId} and order_id = ${id}`;
      await ctx.tx`delete from orders where workspace_id = ${ctx.workspaceId} and id = ${id}`;
      return stored ? [orderDeletedMessage(id, stored.customerId, ctx.webhookId, ctx.now)] : [];
    },
  }),
  'refunds/create': topic({
    schema: shopifyRefundSchema,
    messages: async (refund, ctx) => {
      const stored = await storedOrder(ctx, refund.order_id);
      return stored ? [refundMessage(refund, stored, ctx.webhookId)] : [];
    },
  }),
  'fulfillments/create': fulfillment(true),
  'fulfillments/update': fulfillment(false),
  'checkouts/create': checkout(true),
  'checkouts/update': checkout(false),
  'customers/create': customer,
  'customers/update': customer,
  'customers_email_marketing_consent/update': topic({
    schema: shopifyConsentSchema, messages: async (c, { webhookId, now }) => consentMessages(c, webhookId, now),
  }),
  // GDPR: the customer's profile, events, runs and messages are erased (as from the customer
  // page), a guest's profile keyed by their email with them; the receipt alone is stored.
  'customers/redact': topic({
    schema: shopifyRedactSchema,
    erases: ({ customer: c }) => [c.id, ...(c.email ? [c.email.toLowerCase()] : [])],
    messages: async () => [],
  }),
  'customers/delete': topic({ schema: shopifyDeletionSchema, erases: ({ id }) => [id], messages: async () => [] }),
  'products/create': product,
  'products/update': product,
};
