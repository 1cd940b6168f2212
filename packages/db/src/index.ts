export * from './schema/index';
export * from './client';
export * from './migrate';
export * from './embedded';
export { and, eq, sql as sqlExpr, desc, asc, inArray } from 'drizzle-orm';
export * from './segments/index';
export * from './loyalty';
export * from './pg-array';
export * from './column-ranges';
