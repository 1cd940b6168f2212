export { createTrpcHandler } from './handler';
export { appRouter, type AppRouter } from './router';
export type { ApiDeps } from './deps';
export type { TrpcContext } from './init';
export { publishJourney, type PublishResult } from '../journeys/publish';
export { DomainError, type DomainErrorCode } from '../journeys/errors';
export { addStarterTemplates } from '../templates/repository';
export { permissions, mayCall, callableBy, type Permission } from './permissions';
export { claimFirstAccount, hasNoUser } from '../setup/first-owner';
