// CPU time of the bench's PostgreSQL (every backend, live or exited) from /proc, so a figure
// can be charged to the database as well as to the Node processes (Linux only; 0 elsewhere).
import type { Sql } from '@afterglow/db';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name: [ppid, utime, stime, cutime, cstime]. */
function stat(pid: number): number[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
  } catch {
    return null;
  }
}

/** The postmaster's own CPU, its reaped children's, and its live children's, in ms. */
export async function postgresCpuMs(sql: Sql): Promise<number> {
  const [row] = await sql<{ pid: number }[]>`select pid from pg_stat_activity where backend_type = 'checkpointer'`;
  const postmaster = row ? stat(row.pid)?.[0] : undefined;
  if (!postmaster || !stat(postmaster)) return 0;
  let ticks = stat(postmaster)!.slice(1).reduce((a, b) => a + b, 0);
  for (const entry of readdirSync('/proc')) {
    const child = /^\d+$/.test(entry) ? stat(Number(entry)) : null;
    if (child && child[0] === postmaster) ticks += child[1] + child[2];
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}
