// The Shopify webhook endpoint on a real HTTP server for tests: events it hands on are
// pushed into `stored` (in the order their transactions stored them).
import type { Database } from '@afterglow/db';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IngestedEvent } from '../../packages/api/src/ingest/index';
import { createShopifyWebhookHandler } from '../../packages/api/src/shopify/index';

export async function startShopifyReceiver(database: Database, now: Date, stored: IngestedEvent[][]) {
  const handler = createShopifyWebhookHandler({
    database, clock: { now: () => now },
    onEventsStored: async (_tx, events) => { stored.push(events); },
    afterCommit: async () => {},
  });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/shopify`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
