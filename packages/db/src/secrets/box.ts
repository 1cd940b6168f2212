// Secrets stored in the database (link-signing secrets, Shopify and webhook secrets, webhook
// header values) are sealed with AES-256-GCM under a key from the environment
// (AFTERGLOW_SECRET_KEY), so a database dump or backup alone reveals none of them.
// A sealed value reads `enc:v1:<key id>:<base64url(iv | ciphertext | tag)>`: the key id (from
// the key itself) says which key opens it, so older keys (AFTERGLOW_SECRET_KEY_PREVIOUS) still
// open what they sealed while everything is re-sealed under the current one. A value without
// the prefix is a plain one written before encryption existed: it is read as it is, and the
// start-up pass seals it.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretKeys {
  /** Seals every new value; 32 bytes. */
  current: Buffer;
  /** Open what they sealed; never used to seal. */
  previous?: Buffer[];
}

/** A value sealed with a key this process was not given: the key must be configured to read it. */
export class SecretKeyUnknown extends Error {
  constructor(readonly keyId: string) {
    super(`A stored secret is sealed with key ${keyId}, which is not configured: `
      + 'set AFTERGLOW_SECRET_KEY or AFTERGLOW_SECRET_KEY_PREVIOUS to the key it was sealed with');
  }
}

export interface SecretBox {
  /** Id of the current key, as it appears in what it seals. */
  readonly keyId: string;
  seal(plain: string): string;
  /** The plain value; a value that was never sealed is returned as it is. */
  open(stored: string): string;
  /** Sealed under any key (as opposed to a plain value from before encryption). */
  isSealed(stored: string): boolean;
  /** Sealed under the current key: nothing to re-seal. */
  isCurrent(stored: string): boolean;
  /** A value only holders of the current key can compute, the same in every process (HMAC of `label`). */
  derive(label: string): Buffer;
}

/** The id a key's sealed values carry: 8 hex characters derived from the key, not revealing it. */
export function secretKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('afterglow secret key id').digest('hex').slice(0, 8);
}

/** A key as written in the environment or the key file: 32 bytes in base64 (`openssl rand -base64 32`). */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
}

export const newSecretKey = (): string => randomBytes(32).toString('base64');

export function createSecretBox(keys: SecretKeys): SecretBox {
  for (const key of [keys.current, ...(keys.previous ?? [])]) {
    if (key.length !== 32) throw new Error('A secret key must be 32 bytes');
  }
  const keyId = secretKeyId(keys.current);
  const byId = new Map([keys.current, ...(keys.previous ?? [])].map((key) => [secretKeyId(key), key]));
  const currentPrefix = `${PREFIX}${keyId}:`;
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${currentPrefix}${body.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, payload = ''] = stored.slice(PREFIX.length).split(':');
      const key = byId.get(id);
      if (!key) throw new SecretKeyUnknown(id);
      const body = Buffer.from(payload, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) throw new Error(`A stored secret sealed with key ${id} is cut short`);
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error(`A stored secret sealed with key ${id} does not open: it was altered`);
      }
    },
    isSealed: (stored) => stored.startsWith(PREFIX),
    isCurrent: (stored) => stored.startsWith(currentPrefix),
    derive: (label) => createHmac('sha256', keys.current).update(`afterglow derived: ${label}`).digest(),
  };
}

/** The SQL LIKE pattern of values sealed under `keyId` (values outside it need sealing). */
export const sealedLike = (keyId: string): string => `${PREFIX}${keyId}:%`;
