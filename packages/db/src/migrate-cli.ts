// `pnpm db:migrate`: applies migrations to DATABASE_URL.
import { runMigrations } from './migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set; `pnpm start` migrates the embedded database itself.');
  process.exit(1);
}
await runMigrations(url);
console.log('migrations applied');
