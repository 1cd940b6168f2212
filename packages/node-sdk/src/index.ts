export * from './types.js';
export * from './instructions.js';
export * from './define.js';
export * from './registry.js';
export * from './time.js';
export * from './testing.js';
export * from './events.js';
export * from './logger.js';
