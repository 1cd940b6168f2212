// VERP (variable envelope return path): every email goes out with its own envelope sender,
// bounces+<token>@<return-path domain>, so a bounce addressed back to it names the email it
// answers even when it quotes nothing of it. The token is the outbox row's id and a signature
// under the workspace's link-signing secret (tokens.ts), cut to 64 bits: no one can make a
// bounce that ties itself to an email they did not receive. Written in lower-case base32,
// since mail servers may change the case of a local part; 39 characters, so the local part
// stays well under SMTP's 64.
import { timingSafeEqual } from 'node:crypto';
import { signatureOf } from './tokens';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const SIGNATURE_BYTES = 8;
const ID_CHARS = 26; // 16 bytes
const SIGNATURE_CHARS = 13; // 8 bytes
const VERP_ADDRESS = new RegExp(`\\bbounces\\+([a-z2-7]{${ID_CHARS + SIGNATURE_CHARS}})@([a-z0-9.-]+)`, 'gi');

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

function unbase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

const signed = (secret: string, outboxId: string) => signatureOf(secret, `verp:${outboxId}`).subarray(0, SIGNATURE_BYTES);

/** The envelope sender of one outbox row: bounces+<token>@<domain>. */
export function verpAddress(secret: string, outboxId: string, domain: string): string {
  if (!secret) throw new Error(`No signing secret for the return path of ${outboxId}`);
  const id = Buffer.from(outboxId.replace(/-/g, ''), 'hex');
  return `bounces+${base32(id)}${base32(signed(secret, outboxId))}@${domain.toLowerCase()}`;
}

export interface VerpClaim {
  /** The outbox row the token names, before its signature is checked (to find the workspace's secret). */
  outboxId: string;
  domain: string;
  token: string;
}

/** Every VERP address in `text` (a bounce's headers, an SMTP recipient), signed or not: check each with verpSigned. */
export function verpClaimsIn(text: string): VerpClaim[] {
  const claims = new Map<string, VerpClaim>();
  for (const [, raw, domain] of text.matchAll(VERP_ADDRESS)) {
    const token = raw.toLowerCase();
    const hex = unbase32(token.slice(0, ID_CHARS)).toString('hex');
    const outboxId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    claims.set(token, { outboxId, domain: domain.toLowerCase().replace(/\.+$/, ''), token });
  }
  return [...claims.values()];
}

/** The token's signature checked, in constant time, against the secret of the workspace that sent the row. */
export function verpSigned(claim: VerpClaim, secret: string): boolean {
  if (!secret) return false;
  const given = unbase32(claim.token.slice(ID_CHARS));
  const expected = signed(secret, claim.outboxId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
