import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey, SecretKeyUnknown, secretKeyId } from './box';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('secret box', () => {
  it('seals with AES-256-GCM under a key id prefix, a fresh IV each time, and opens it again', () => {
    const box = createSecretBox({ current: keyA });
    const sealed = box.seal('Bearer tok_123 ✓');
    expect(sealed).toMatch(new RegExp(`^enc:v1:${secretKeyId(keyA)}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('tok_123');
    expect(box.seal('Bearer tok_123 ✓')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('Bearer tok_123 ✓');
    expect(box.open(box.seal(''))).toBe('');
    expect([box.isSealed(sealed), box.isCurrent(sealed)]).toEqual([true, true]);
  });

  it('reads a value from before encryption as it is', () => {
    const box = createSecretBox({ current: keyA });
    expect(box.open('whsec_plain_value')).toBe('whsec_plain_value');
    expect([box.isSealed('whsec_plain_value'), box.isCurrent('whsec_plain_value')]).toEqual([false, false]);
  });

  it('opens with previous keys after a rotation, and names a key it was not given', () => {
    const old = createSecretBox({ current: keyA });
    const sealed = old.seal('s3cret');
    const rotated = createSecretBox({ current: keyB, previous: [keyA] });
    expect(rotated.open(sealed)).toBe('s3cret');
    expect([rotated.isSealed(sealed), rotated.isCurrent(sealed)]).toEqual([true, false]);
    const forgotten = createSecretBox({ current: keyB });
    expect(() => forgotten.open(sealed)).toThrow(SecretKeyUnknown);
    expect(() => forgotten.open(sealed)).toThrow(`sealed with key ${secretKeyId(keyA)}, which is not configured`);
  });

  it('refuses an altered value', () => {
    const box = createSecretBox({ current: keyA });
    const sealed = box.seal('s3cret');
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(() => box.open(flipped)).toThrow(/does not open: it was altered/);
    expect(() => box.open(`enc:v1:${box.keyId}:abc`)).toThrow(/cut short/);
  });

  it('reads keys as 32 bytes of base64 or base64url', () => {
    const text = keyA.toString('base64');
    expect(parseSecretKey(` ${text}\n`)?.equals(keyA)).toBe(true);
    expect(parseSecretKey(keyA.toString('base64url'))?.equals(keyA)).toBe(true);
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseSecretKey('not a key')).toBeNull();
  });
});
