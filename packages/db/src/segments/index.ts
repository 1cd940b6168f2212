export * from './rule';
export { compileSegmentRule, segmentSource, type SegmentRefs, type SqlCondition } from './compile';
export { compileSegmentQuery, type SegmentQuery } from './subject';
export { resolveSegmentRefs, segmentTiers } from './resolve';
export * from './query';
export * from './membership';
export * from './aggregates';
