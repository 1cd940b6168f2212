export * from './graph';
export * from './validate';
export * from './compile';
export * from './stats';
export * from './settings';
export * from './diff';
export * from './secrets';
export * from './versions';
