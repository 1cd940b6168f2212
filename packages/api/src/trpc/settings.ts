// Workspace integrations and limits: ingestion keys (create, list, revoke), the Shopify webhook
// connection, and the sending limits (send rate, approved test recipients); who may,
// permissions.ts says. Thin: the work is in ingest/key-admin, shopify/connections and
// journeys/settings.
import { sendingLimitsSchema } from '@afterglow/journey-core';
import { z } from 'zod';
import { createIngestKey, listIngestKeys, revokeIngestKey } from '../ingest/key-admin';
import { saveWorkspaceSettings } from '../journeys/settings';
import { getShopifyConnection, removeShopifyConnection, setShopifyConnection } from '../shopify/connections';
import { topicHandlers } from '../shopify/topics';
import { protectedProcedure, router } from './init';
import { relaysRouter } from './relays';

const shopDomain = z.string().trim().toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'shopDomain must be a host name such as my-shop.myshopify.com');

export const settingsRouter = router({
  ingestKeys: router({
    list: protectedProcedure.query(({ ctx }) => listIngestKeys(ctx.deps.database, ctx.user.workspaceId)),
    create: protectedProcedure
      .input(z.object({ label: z.string().trim().min(1, 'label must not be empty').max(100, 'label is at most 100 characters') }))
      .mutation(({ ctx, input }) => createIngestKey(ctx.deps.database, ctx.user.workspaceId, input.label, ctx.deps.clock.now())),
    revoke: protectedProcedure
      .input(z.object({ id: z.string().min(1, 'id is required').max(100) }))
      .mutation(({ ctx, input }) => revokeIngestKey(ctx.deps.database, ctx.user.workspaceId, input.id, ctx.deps.clock.now())),
  }),
  /** What a marketer may send: read by everyone through sending.get, changed only here. */
  sendingLimits: router({
    save: protectedProcedure
      .input(sendingLimitsSchema)
      .mutation(({ ctx, input }) => saveWorkspaceSettings(ctx.deps, ctx.user.workspaceId, input)),
  }),
  shopify: router({
    get: protectedProcedure.query(({ ctx }) => getShopifyConnection(ctx.deps.database, ctx.user.workspaceId)),
    /** The topics the webhook handles, for the settings card to list (the handlers are the one source). */
    topics: protectedProcedure.query(() => Object.keys(topicHandlers)),
    set: protectedProcedure
      .input(z.object({
        secret: z.string().trim().min(8, 'secret must be at least 8 characters').max(200, 'secret is at most 200 characters'),
        shopDomain: shopDomain.nullable(),
      }))
      .mutation(async ({ ctx, input }) => {
        await setShopifyConnection(ctx.deps.database, ctx.user.workspaceId, input.secret, input.shopDomain, ctx.deps.clock.now());
        return getShopifyConnection(ctx.deps.database, ctx.user.workspaceId);
      }),
    remove: protectedProcedure.mutation(async ({ ctx }) => {
      await removeShopifyConnection(ctx.deps.database, ctx.user.workspaceId);
      return null;
    }),
  }),
  relays: relaysRouter,
});
