// `pnpm lint` runs knip for what it is sure of: dependencies declared and never imported (or
// imported and never declared), binaries and imports that resolve to nothing, files nothing
// reaches. Unused exports are not checked: modules export helpers for their tests by design.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  include: ['files', 'dependencies', 'unlisted', 'binaries', 'unresolved', 'catalog', 'catalogReferences'],
  // System commands run with execFileSync (embedded PostgreSQL's OS user, as root).
  ignoreBinaries: ['groupadd', 'useradd'],
  workspaces: {
    tests: {
      // Started as child processes (spawn/fork) by the tests, not imported.
      entry: ['chaos/worker.ts', 'support/dispatch-process.ts', 'bench/broadcast-worker.ts', 'bench/smtp-sink.ts'],
    },
    // The scaffolder's template is copied into a new package (with its own zod), not run here.
    'packages/create-afterglow-node': { ignore: ['template/**'] },
  },
};

export default config;
