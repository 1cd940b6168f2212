// The demo's console secrets (login password, ingestion key) persist in
// <dataDir>/demo.json, readable only by the owner, so later starts can print them again.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const demoSecretsSchema = z.object({
  workspaceId: z.string(),
  email: z.string(),
  password: z.string().min(1),
  ingestKey: z.string().min(1),
});
export type DemoSecrets = z.infer<typeof demoSecretsSchema>;

const fileOf = (dataDir: string) => path.join(dataDir, 'demo.json');

export const newPassword = () => randomBytes(12).toString('base64url');
// Hex, so a double-click selects the whole key in a terminal.
export const newIngestKey = () => `ag_live_${randomBytes(16).toString('hex')}`;

/** The saved secrets, or null when the file is missing or unreadable (then they are re-made). */
export function readDemoSecrets(dataDir: string): DemoSecrets | null {
  const file = fileOf(dataDir);
  if (!existsSync(file)) return null;
  try {
    return demoSecretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function writeDemoSecrets(dataDir: string, secrets: DemoSecrets): void {
  mkdirSync(dataDir, { recursive: true });
  const file = fileOf(dataDir);
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode only applies when the file is created
}
