export * from './password';
export * from './sessions';
export * from './roles';
