#!/usr/bin/env node
// `pnpm create afterglow-node <name> [directory]` (also `npm init afterglow-node`, `npx
// create-afterglow-node`): scaffolds a package of node types and says what to do next, in the
// words of the package manager that ran it.
import path from 'node:path';
import { scaffold, ScaffoldError } from './scaffold.js';
import { packageManager } from './env.js';

const usage = `Usage: pnpm create afterglow-node <package-name> [directory]

Scaffolds a package of Afterglow node types: a node type, its test, a plugin and a README.
The directory defaults to the name without its scope (@acme/loyalty: ./loyalty).`;

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const [name, dir, ...rest] = args;
  if (!name || name.startsWith('-') || rest.length > 0) {
    console.error(usage);
    return 1;
  }
  const directory = path.resolve(dir ?? name.replace(/^@[^/]+\//, ''));
  try {
    const files = scaffold({ name, directory });
    const pm = packageManager();
    const shown = path.relative(process.cwd(), directory) || '.';
    console.log(`Created ${name} in ${shown}:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    console.log(`Next:\n  cd ${shown}\n  ${pm} install\n  ${pm} test\n`);
    console.log('Then write your node type in src/definition.ts and enable the package in Afterglow (README.md says how).');
    return 0;
  } catch (e) {
    if (!(e instanceof ScaffoldError)) throw e;
    console.error(e.message);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
