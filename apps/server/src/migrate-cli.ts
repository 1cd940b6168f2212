// `pnpm db:migrate`: applies migrations to DATABASE_URL (read and checked by env.ts, like
// every other setting of the server).
import { runMigrations } from '@afterglow/db';
import { readEnv } from './env';

const { databaseUrl } = readEnv();
if (!databaseUrl) {
  console.error('DATABASE_URL is not set; `pnpm start` migrates the embedded database itself.');
  process.exit(1);
}
await runMigrations(databaseUrl);
console.log('migrations applied');
