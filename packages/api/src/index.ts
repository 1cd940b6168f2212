export * from './trpc/index';
export * from './ingest/index';
export * from './auth/index';
export * from './shopify/index';
