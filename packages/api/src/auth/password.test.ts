import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';

/** A hash as stored before argon2id: scrypt with Node's defaults (N=2^14, r=8, p=1), "salt:hash" in hex. */
const legacyHash = (password: string) => {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
};

describe('password hashes', () => {
  it('are argon2id at OWASP cost, with the parameters in the string', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[\w+/]{22}\$[\w+/]{43}$/);
    expect(await hashPassword('correct horse')).not.toBe(stored); // salted
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
    expect(passwordNeedsRehash(stored)).toBe(false);
  });

  it('still verify the old scrypt "salt:hash" form, which needs a rehash', async () => {
    const stored = legacyHash('old secret');
    expect(await verifyPassword('old secret', stored)).toBe(true);
    expect(await verifyPassword('old secreT', stored)).toBe(false);
    expect(passwordNeedsRehash(stored)).toBe(true);
  });

  it('needs a rehash when made at another cost', () => {
    expect(passwordNeedsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g')).toBe(true);
    expect(passwordNeedsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g')).toBe(true);
  });

  it('refuse, without throwing, whatever a stored value that is no hash holds', async () => {
    for (const stored of ['', ':', 'abc', 'zz:zz', '$argon2id$broken', '$argon2id$v=19$m=19456,t=2,p=1$!!$!!']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});
