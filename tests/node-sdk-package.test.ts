// @afterglow/node-sdk and create-afterglow-node as npm delivers them, not as the workspace links
// them: packed with pnpm and installed from the tarballs into projects outside the workspace.
// A node type written against the SDK is type-checked (strict, NodeNext: the exports map and the
// .d.ts files are what TypeScript reads) and run by Node (the built ES modules, their import
// extensions included); the scaffolder's package installs, tests green and packs only its build.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, pnpmPack, run, tscBin, workspaceVersion, writeTree } from './support/packed';
import { consumerProject } from './support/sdk-consumer';

let scratch: string;
/** A third party's project (support/sdk-consumer.ts) with the SDK, zod and the scaffolder installed. */
let project: string;
/** What the scaffolder made, installed: prepared while the SDK's consumer is type-checked. */
let scaffolded: Promise<{ printed: string; pkg: string }>;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const zod = `zod@${workspaceVersion('packages/node-sdk', 'zod')}`;
/** The scaffolder's bin as npm links it, the way `pnpm create afterglow-node` runs it. */
const create = (cwd: string, ...args: string[]) => run(cwd, path.join(project, 'node_modules/.bin/create-afterglow-node'), args);

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'afterglow-sdk-package-'));
  project = path.join(scratch, 'consumer');
  const [sdkTarball, createTarball] = await Promise.all([
    pnpmPack('packages/node-sdk', path.join(scratch, 'sdk')),
    pnpmPack('packages/create-afterglow-node', path.join(scratch, 'create')),
  ]);
  console.log(`node-sdk and create-afterglow-node packed after ${elapsed()}`);
  writeTree(project, consumerProject);
  // One install for both tarballs: each npm run costs seconds on a busy machine.
  await npmInstall(project, [sdkTarball, zod, createTarball]);
  console.log(`SDK, zod and scaffolder installed after ${elapsed()}`);
  scaffolded = (async () => {
    const printed = await create(scratch, '@acme/afterglow-loyalty');
    const pkg = path.join(scratch, 'afterglow-loyalty');
    // The versions Afterglow is built with, so npm's cache serves them.
    await npmInstall(pkg, [sdkTarball, zod, `typescript@${workspaceVersion('.', 'typescript')}`, `@types/node@${workspaceVersion('.', '@types/node')}`]);
    console.log(`package scaffolded and installed after ${elapsed()}`);
    return { printed, pkg };
  })();
  scaffolded.catch(() => {}); // awaited (and reported) by its own tests
});

afterAll(async () => {
  await scaffolded?.catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
  console.log(`packed-package tests took ${elapsed()}`);
});

describe('@afterglow/node-sdk from its tarball', () => {
  it('ships built ES modules with declarations behind an exports map, and zod as a peer', () => {
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/@afterglow/node-sdk/package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: '1.0.0',
      type: 'module',
      sideEffects: false,
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './testing': { types: './dist/testing.d.ts', default: './dist/testing.js' },
      },
      types: './dist/index.d.ts',
      peerDependencies: { zod: expect.any(String) },
    });
    expect(manifest.dependencies?.zod).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(manifest.publishConfig).toBeUndefined();
    const shipped = readdirSync(path.join(project, 'node_modules/@afterglow/node-sdk')).sort();
    expect(shipped).toEqual(['CHANGELOG.md', 'README.md', 'dist', 'package.json']);
  });

  it('type-checks (strict, NodeNext) and runs a node type written against the package', async () => {
    await run(project, process.execPath, [tscBin, '-p', 'tsconfig.json']);
    console.log(`consumer type-checked and compiled after ${elapsed()}`);
    const out = JSON.parse(await run(project, process.execPath, ['dist/main.js']));
    expect(out).toEqual({
      instruction: { kind: 'next', branch: 'out' },
      points: [{ amount: 75, reason: 'Welcome' }],
      counts: { granted: 75 },
      queued: [{ service: 'acme/crm-notes', key: 'run_test:node_test:acme/crm-notes', payload: { customerId: 'cust_test', note: 'Welcome mail sent' } }],
      skipped: { kind: 'exit', reason: 'No marketing consent' },
      held: { kind: 'hold', until: '2026-01-08T08:00:00.000Z', reason: 'Quiet hours' },
      error: { code: 'config', field: 'note', retryable: false },
      issues: [{ field: 'points', message: 'Grant at least 1 point' }],
      summary: '75 points',
      registered: ['acme/welcome-points@1'],
      services: ['acme/crm-notes'],
      nextMonday: '2026-01-12T09:00:00.000Z',
    });
  });
});

describe('create-afterglow-node from its tarball', () => {
  let printed: string;
  let pkg: string;
  beforeAll(async () => ({ printed, pkg } = await scaffolded));

  it('scaffolds the package and says what to do next', () => {
    expect(printed).toContain('Created @acme/afterglow-loyalty in afterglow-loyalty:');
    expect(printed).toContain('  src/definition.ts\n');
    expect(printed).toContain('Next:\n  cd afterglow-loyalty\n  npm install\n  npm test\n');
  });

  it("passes its own tests against the packed SDK (npm test: tsc, then node --test)", async () => {
    const out = await run(pkg, 'npm', ['test']);
    console.log(`scaffolded package tested after ${elapsed()}`);
    expect(out).toMatch(/^[#ℹ] pass 5$/m);
    expect(out).toMatch(/^[#ℹ] fail 0$/m);
  });

  it('packs its build and declarations, without the tests (dist/ as npm test built it)', async () => {
    const [report] = JSON.parse(await run(pkg, 'npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error']));
    const files = (report.files as { path: string }[]).map((f) => f.path).sort();
    expect(files).toEqual(['README.md', 'dist/definition.d.ts', 'dist/definition.js', 'dist/index.d.ts', 'dist/index.js', 'package.json']);
  });

  it('refuses a bad name and a directory that is not empty, saying why', async () => {
    await expect(create(scratch, 'My Node')).rejects.toThrow(/not a valid npm package name/);
    await expect(create(scratch, 'my-loyalty', 'afterglow-loyalty')).rejects.toThrow(/afterglow-loyalty is not an empty directory/);
  });
});
