// Signed tokens for the links in an email: unsubscribe, preferences, open pixel, click, review,
// My rewards.
// A token is base64url(JSON payload) "." base64url(HMAC-SHA256(workspace signing secret,
// payload part)). The payload names its purpose, so a token minted for one use (an open
// pixel) is refused for another (an unsubscribe).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const payloadSchema = z.discriminatedUnion('t', [
  /** Unsubscribe: the customer, and the email whose link it was (for the node's counter). */
  z.object({ t: z.literal('u'), w: z.string().min(1), c: z.string().min(1), o: z.uuid().optional() }),
  /** Preference page of a customer. */
  z.object({ t: z.literal('p'), w: z.string().min(1), c: z.string().min(1) }),
  /** Open pixel of one outbox row. */
  z.object({ t: z.literal('o'), w: z.string().min(1), o: z.uuid() }),
  /** Click on link number i of one outbox row. */
  z.object({ t: z.literal('c'), w: z.string().min(1), o: z.uuid(), i: z.number().int().min(0).max(10_000) }),
  /** Review page of one order of a customer, until x (Unix seconds): the link expires. */
  z.object({ t: z.literal('r'), w: z.string().min(1), c: z.string().min(1), o: z.string().min(1).max(200), x: z.number().int().positive() }),
  /** My rewards page of a customer (balance, history, redeeming), until x (Unix seconds): the link expires. */
  z.object({ t: z.literal('w'), w: z.string().min(1), c: z.string().min(1), x: z.number().int().positive() }),
]);

export type TokenPayload = z.infer<typeof payloadSchema>;
export type TokenKind = TokenPayload['t'];
export type PayloadOf<K extends TokenKind> = Extract<TokenPayload, { t: K }>;

/** HMAC-SHA256 of `body` under a workspace's signing secret: links carry it whole, VERP return paths cut short (verp.ts). */
export const signatureOf = (secret: string, body: string): Buffer => createHmac('sha256', secret).update(body).digest();
const sign = (secret: string, body: string) => signatureOf(secret, body).toString('base64url');

export function signToken(secret: string, payload: TokenPayload): string {
  if (!secret) throw new Error(`Workspace ${payload.w} has no signing secret`);
  // Typed input from our own code: not parsed again here (this runs several times per email);
  // verifyToken parses every payload that comes back from the outside.
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{43}$/;

/** The workspace a token claims, before its signature is checked (to look up the secret). */
export function tokenWorkspace(token: string): string {
  if (!TOKEN_SHAPE.test(token)) throw new TokenError('malformed token');
  let claimed: unknown;
  try {
    claimed = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('malformed token payload');
  }
  const w = (claimed as { w?: unknown } | null)?.w;
  if (typeof w !== 'string' || !w) throw new TokenError('token names no workspace');
  return w;
}

/**
 * Checks the signature in constant time, then the purpose; throws TokenError on any mismatch.
 * `secret` is the signing secret of the workspace the token claims (see tokenWorkspace).
 */
export function verifyToken<K extends TokenKind>(token: string, kind: K, secret: string): PayloadOf<K> {
  if (!TOKEN_SHAPE.test(token)) throw new TokenError('malformed token');
  const [body, signature] = token.split('.');
  // Compared as text, not as decoded bytes: the last base64url character carries two unused
  // bits, so decoding would accept four spellings of one signature.
  const expected = Buffer.from(sign(secret, body), 'latin1');
  const given = Buffer.from(signature, 'latin1');
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError('bad signature');
  }
  let parsed: TokenPayload;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw new TokenError('malformed token payload');
  }
  if (parsed.t !== kind) throw new TokenError(`token is for "${parsed.t}", not "${kind}"`);
  return parsed as PayloadOf<K>;
}
