// What a request wrote, exactly and cheaply: a row trigger on every table of the app's schema
// (installed in the fuzz suite's own test database) notes the table of each row inserted,
// updated or deleted in fuzz_write_log. The notes are transactional, so a write the request
// rolled back leaves none. `take` returns the tables written since the last take, and clears.
import type { Database } from '@afterglow/db';

/**
 * Tables a refused request writes on purpose: a failed sign-in is counted (sign_in_throttle) and
 * audited (audit_log), and any request with a session moves its last use (sessions, at most once
 * a minute). Everything else a refused request writes is a defect.
 */
const WRITTEN_BY_REFUSALS = ['sign_in_throttle', 'audit_log', 'sessions'];

export async function installWriteLog(database: Database): Promise<{ take(): Promise<string[]> }> {
  const { sql } = database;
  await sql`create table fuzz_write_log (table_name text not null)`;
  await sql`create function fuzz_note_write() returns trigger language plpgsql as $$
    begin insert into fuzz_write_log values (tg_table_name); return null; end $$`;
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'fuzz_write_log'
      and tablename <> all(${WRITTEN_BY_REFUSALS})`;
  for (const { name } of tables) {
    await sql.unsafe(`create trigger fuzz_note_write after insert or update or delete on public."${name}"
      for each row execute function fuzz_note_write()`);
  }
  return {
    async take() {
      const rows = await sql<{ name: string }[]>`
        with taken as (delete from fuzz_write_log returning table_name) select distinct table_name as name from taken order by 1`;
      return rows.map((r) => r.name);
    },
  };
}
