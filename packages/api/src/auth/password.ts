// Password hashes: argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane; ~15 ms
// off the event loop), stored as a PHC string that carries its parameters, so a hash made
// at another cost is recognised and replaced at the next sign-in. Hashes from before
// (scrypt "salt:hash" in hex, N=2^14) still verify, and are replaced the same way.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// Algorithm is a const enum, which isolated modules cannot read: 2 is Algorithm.Argon2id.
const ARGON2ID = 2 as Algorithm;
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const OPTIONS: Options = { algorithm: ARGON2ID, ...COST };
/** Every hash made at today's cost starts so; any other is rehashed at sign-in. */
const CURRENT_PREFIX = `$argon2id$v=19$m=${COST.memoryCost},t=${COST.timeCost},p=${COST.parallelism}$`;

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, password).catch(() => false);
  return verifyLegacyScrypt(password, stored);
}

/** True when the stored hash was made at another cost or with the old scheme. */
export function passwordNeedsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  if (expected.length === 0) return false;
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
