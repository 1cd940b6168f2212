export * from './trpc/index';
export * from './ingest/index';
export * from './auth/index';
export * from './public/index';
export * from './shopify/index';
export * from './bounces/index';
export * from './secrets/index';
export * from './privacy/index';
export { currentRequestId, requestIdFor, withRequestId } from './request-id';
