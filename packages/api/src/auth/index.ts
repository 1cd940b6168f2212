export * from './client-address';
export * from './password';
export * from './sessions';
export * from './roles';
export * from './sign-in';
export { ACCOUNT_RULE, ADDRESS_RULE, FORGET_AFTER_MS, blockSeconds, type ThrottleRule } from './throttle';
