// The first-run code: whoever opens a new production install first would otherwise become its
// owner. The code is derived from the secret key (so every web process prints and accepts the
// same one, and nobody without the server's log or key can compute it) and is needed to create
// the owner. Ten characters of an alphabet without look-alikes: about 2^50 guesses, and the
// first-run page answers one guess per request.
import type { SecretBox } from '@afterglow/db';
import { timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export function firstRunCode(secrets: SecretBox): string {
  const bytes = secrets.derive('first-run code');
  const letters = Array.from(bytes.subarray(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** Case, spaces and dashes do not matter: people copy it from a terminal. */
export function isFirstRunCode(secrets: SecretBox, typed: string): boolean {
  const normalise = (code: string) => Buffer.from(code.toUpperCase().replace(/[\s-]/g, ''));
  const expected = normalise(firstRunCode(secrets));
  const given = normalise(typed);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
