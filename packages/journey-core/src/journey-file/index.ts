export * from './schema';
export * from './references';
export * from './problems';
