export * from './rule';
export { compileSegmentRule, type SqlCondition } from './compile';
export * from './query';
