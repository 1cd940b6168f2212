// Coded domain errors: thrown by the domain code, mapped to tRPC errors at the edge only. The
// message is a catalogue key with values (i18n/catalogue.ts), said in the caller's language at
// the edge; `message` holds it in English for logs and callers inside the server.
import { say, text, type MessageKey, type Text } from '../i18n/catalogue';

export type DomainErrorCode = 'NOT_FOUND' | 'INVALID' | 'CONFLICT';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, readonly text: Text, readonly field?: string) {
    super(say(text, 'en'));
    this.name = 'DomainError';
  }
}

/** What a NOT_FOUND names: the `notFound.*` keys of the catalogue. */
type Missing = MessageKey extends infer K ? K extends `notFound.${infer What}` ? What : never : never;

export const notFound = (what: Missing, id: string, field = 'id') =>
  new DomainError('NOT_FOUND', text(`notFound.${what}`, { id }), field);
