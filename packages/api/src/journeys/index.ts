export { publishJourney, type PublishResult } from './publish';
export { DomainError, type DomainErrorCode } from './errors';
export * from './repository';
