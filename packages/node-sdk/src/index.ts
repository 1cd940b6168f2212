export * from './types';
export * from './instructions';
export * from './define';
export * from './registry';
export * from './time';
export * from './testing';
export * from './events';
export * from './logger';
