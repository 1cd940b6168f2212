export * from './shop';
export * from './journeys';
export * from './app';
export * from './templates';
export * from './ingest';
export * from './compliance';
export * from './segments';
export * from './coupons';
