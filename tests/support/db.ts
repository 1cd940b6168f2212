// A fresh, migrated database per test file, cloned from the global template.
import { ensureDatabase, openDatabase, type Database } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { testSecrets } from './secrets';

export async function createTestDatabase(): Promise<Database> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(inject('pgAdminUrl'), name, inject('pgTemplate'));
  return openDatabase(url, { secrets: testSecrets() });
}
