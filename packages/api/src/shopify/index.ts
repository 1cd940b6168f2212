export { createShopifyWebhookHandler } from './handler';
export { shopifySignature } from './verify';
export { setShopifyConnection } from './connections';
