// The keys that seal the secrets stored in the database. AFTERGLOW_SECRET_KEY wins. Without it
// (development, the embedded set-up) a key is generated once into <dataDir>/secret.key, readable
// by its owner only, so `pnpm start` needs no configuration. In production the key must come from
// the environment: a key kept beside the data would protect nothing from a stolen disk or backup.
// The data directory's key, when there is one, always opens what it sealed, so moving to an
// environment key is: set it, start (every start re-seals), then delete the file.
import { newSecretKey, parseSecretKey, secretKeyId, type SecretKeys } from '@afterglow/db';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SecretKeyOptions {
  /** AFTERGLOW_SECRET_KEY */
  key?: Buffer;
  /** AFTERGLOW_SECRET_KEY_PREVIOUS */
  previous?: Buffer[];
  production: boolean;
  dataDir: string;
  /** Only a process that serves (and migrates) creates the key file; a worker must find it or be given a key. */
  mayCreate: boolean;
  log(line: string): void;
}

export const secretKeyFile = (dataDir: string) => path.join(dataDir, 'secret.key');

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = parseSecretKey(text);
  // Never replaced: it may be the only copy of the key that opens the stored secrets.
  if (!key) throw new Error(`${file} does not hold a key (32 bytes in base64): restore it, or set AFTERGLOW_SECRET_KEY`);
  return key;
}

/** The data directory's key, created when missing (two processes starting at once agree on one). */
function dataDirKey(opts: SecretKeyOptions): Buffer {
  const file = secretKeyFile(opts.dataDir);
  const existing = readKeyFile(file);
  if (existing) return existing;
  if (!opts.mayCreate) {
    throw new Error(`AFTERGLOW_SECRET_KEY is not set and ${file} does not exist: give this process the key the web process uses`);
  }
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
    opts.log(`Generated the key that seals stored secrets: ${file} (back it up with the database; production sets AFTERGLOW_SECRET_KEY)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readKeyFile(file)!;
}

export function loadSecretKeys(opts: SecretKeyOptions): SecretKeys {
  const previous = opts.previous ?? [];
  if (opts.key) {
    const fileKey = readKeyFile(secretKeyFile(opts.dataDir));
    const extra = fileKey && !fileKey.equals(opts.key) ? [fileKey] : [];
    return { current: opts.key, previous: [...previous, ...extra] };
  }
  if (opts.production) {
    throw new Error('AFTERGLOW_SECRET_KEY is not set: in production the key that seals stored secrets must come from the environment '
      + '(make one with: openssl rand -base64 32)');
  }
  return { current: dataDirKey(opts), previous };
}

/** "key 1a2b3c4d" for logs: which key is current, never the key itself. */
export const describeKeys = (keys: SecretKeys) =>
  `key ${secretKeyId(keys.current)}${keys.previous?.length ? `, also opening ${keys.previous.map(secretKeyId).join(', ')}` : ''}`;
