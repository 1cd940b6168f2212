// The demo's secrets (login password, ingestion key) are shown once, when the demo is created,
// and kept in <dataDir>/demo.json, readable only by the owner, for whoever missed the console.
// The file is never read back: a password changed or a key revoked later stays that way.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoSecrets {
  workspaceId: string;
  email: string;
  password: string;
  ingestKey: string;
}

export const demoSecretsFile = (dataDir: string) => path.join(dataDir, 'demo.json');

export const newPassword = () => randomBytes(12).toString('base64url');
// Hex, so a double-click selects the whole key in a terminal.
export const newIngestKey = () => `ag_live_${randomBytes(16).toString('hex')}`;

export function writeDemoSecrets(dataDir: string, secrets: DemoSecrets): void {
  mkdirSync(dataDir, { recursive: true });
  const file = demoSecretsFile(dataDir);
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode only applies when the file is created
}
