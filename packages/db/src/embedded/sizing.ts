// The embedded server's memory, WAL and parallelism, sized from the machine it runs on rather
// than PostgreSQL's defaults (128 MB of shared_buffers whatever the machine). It shares the
// machine with Afterglow's own processes (the web server, the workers, their template
// renderers), so it takes a smaller share than a dedicated database server would (pgtune's
// 25% of memory): a fifth for shared_buffers, and the kernel's page cache beyond it is
// counted as half of memory. Every value is capped: past a point more helps no query of
// Afterglow's and only delays start-up and checkpoints. Applied at every start (as -c flags),
// so a cluster moved to a bigger machine follows it; docs/operations.md explains each value.
import os from 'node:os';

export interface Machine {
  memoryBytes: number;
  cpus: number;
}

const MB = 1024 * 1024;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));

const thisMachine = (): Machine => ({ memoryBytes: os.totalmem(), cpus: os.availableParallelism() });

/** The settings, by name, as PostgreSQL reads them (sizes in MB). */
export function sizedSettings(machine: Machine): Record<string, string> {
  const memoryMb = machine.memoryBytes / MB;
  const cpus = Math.max(1, Math.floor(machine.cpus));
  const parallel = clamp(cpus / 2, 1, 4);
  return {
    // The buffer cache: the hot indexes (due runs, outbox, customers) stay in it.
    shared_buffers: `${clamp(memoryMb / 5, 128, 8192)}MB`,
    // Only a planner hint (no memory is taken): how much of the data the OS caches as well.
    effective_cache_size: `${clamp(memoryMb / 2, 512, 65_536)}MB`,
    // Per sort or hash of a query; segment counts and set-based steps sort and hash big sets.
    work_mem: `${clamp(memoryMb / 256, 4, 64)}MB`,
    // Index builds and vacuum of the big tables (journey_runs, events).
    maintenance_work_mem: `${clamp(memoryMb / 16, 64, 1024)}MB`,
    // A million-customer enrolment writes gigabytes of WAL: fewer forced checkpoints meanwhile.
    max_wal_size: `${clamp(memoryMb / 4, 1024, 8192)}MB`,
    min_wal_size: '256MB',
    checkpoint_completion_target: '0.9',
    // The data directory is on local SSD or better: index probes cost little more than scans.
    random_page_cost: '1.1',
    max_worker_processes: String(Math.max(8, cpus)),
    max_parallel_workers: String(cpus),
    max_parallel_workers_per_gather: String(parallel),
    max_parallel_maintenance_workers: String(parallel),
  };
}

/** The settings as the server's command-line flags. */
export const sizingFlags = (machine: Machine = thisMachine()): string[] =>
  Object.entries(sizedSettings(machine)).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
