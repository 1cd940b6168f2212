// Coded domain errors: thrown by the domain code, mapped to tRPC errors at the edge only.
export type DomainErrorCode = 'NOT_FOUND' | 'INVALID' | 'CONFLICT';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string, field = 'id') =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, field);
