import { secretKeyId } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAfterglow } from './app';
import { readEnv } from './env';
import { loadSecretKeys, secretKeyFile } from './secret-key';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

describe('the key that seals stored secrets', () => {
  it('is read from AFTERGLOW_SECRET_KEY, previous keys from a comma-separated list, production from NODE_ENV', () => {
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const env = readEnv({ AFTERGLOW_SECRET_KEY: a.toString('base64'), AFTERGLOW_SECRET_KEY_PREVIOUS: `${b.toString('base64')}, ${c.toString('base64url')}`, NODE_ENV: 'production' });
    expect([env.secretKey?.equals(a), env.previousSecretKeys.map((k) => secretKeyId(k)), env.production]).toEqual([true, [secretKeyId(b), secretKeyId(c)], true]);
    expect(readEnv({})).toMatchObject({ secretKey: undefined, previousSecretKeys: [], production: false });
    expect(() => readEnv({ AFTERGLOW_SECRET_KEY: 'too-short' })).toThrow(/AFTERGLOW_SECRET_KEY must be 32 random bytes in base64/);
    expect(() => readEnv({ AFTERGLOW_SECRET_KEY_PREVIOUS: `${a.toString('base64')},nope` })).toThrow(/AFTERGLOW_SECRET_KEY_PREVIOUS: each key/);
  });

  it('is generated once into the data directory, readable by its owner only, when none is given outside production', () => {
    const dataDir = tempDir();
    const lines: string[] = [];
    const first = loadSecretKeys({ production: false, dataDir, mayCreate: true, log: (l) => lines.push(l) });
    expect(statSync(secretKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([`Generated the key that seals stored secrets: ${secretKeyFile(dataDir)} (back it up with the database; production sets AFTERGLOW_SECRET_KEY)`]);
    expect(loadSecretKeys({ production: false, dataDir, mayCreate: true, log: (l) => lines.push(l) }).current.equals(first.current)).toBe(true);
    expect(lines).toHaveLength(1);
    // A worker given no key uses the file it finds, and makes none.
    expect(loadSecretKeys({ production: false, dataDir, mayCreate: false, log: () => {} }).current.equals(first.current)).toBe(true);
    expect(() => loadSecretKeys({ production: false, dataDir: tempDir(), mayCreate: false, log: () => {} }))
      .toThrow(/AFTERGLOW_SECRET_KEY is not set and .*secret\.key does not exist/);
    // Given a key, the file's key still opens what it sealed: moving to an environment key needs no other step.
    const given = randomBytes(32);
    const keys = loadSecretKeys({ key: given, production: true, dataDir, mayCreate: true, log: () => {} });
    expect([keys.current.equals(given), keys.previous?.map((k) => secretKeyId(k))]).toEqual([true, [secretKeyId(first.current)]]);
    writeFileSync(secretKeyFile(dataDir), 'damaged\n');
    expect(() => loadSecretKeys({ production: false, dataDir, mayCreate: true, log: () => {} })).toThrow(/does not hold a key/);
    expect(readFileSync(secretKeyFile(dataDir), 'utf8')).toBe('damaged\n'); // never replaced
  });

  it('must come from the environment in production: the start is refused before anything else', async () => {
    const dataDir = tempDir();
    await expect(startAfterglow({ production: true, dataDir, databaseUrl: 'postgres://nobody@127.0.0.1:9/none', log: () => {} }))
      .rejects.toThrow('AFTERGLOW_SECRET_KEY is not set: in production the key that seals stored secrets must come from the environment');
    expect(() => statSync(secretKeyFile(dataDir))).toThrow(/ENOENT/);
  });
});
