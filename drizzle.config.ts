import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './drizzle',
  // Agenda creates and owns its own tables.
  tablesFilter: ['!agenda_*'],
});
