export * from './password';
export * from './sessions';
