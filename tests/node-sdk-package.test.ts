// @afterglow/node-sdk and create-afterglow-node as npm delivers them, not as the workspace links
// them: packed with pnpm and installed from the tarballs into projects outside the workspace.
// A node type written against the SDK is type-checked (strict, NodeNext: the exports map and the
// .d.ts files are what TypeScript reads) and run by Node (the built ES modules, their import
// extensions included); the scaffolder's package installs, tests green and packs only its build.
// The SMS plugin (examples/afterglow-node-sms) is packed and installed the same way and everything
// it ships is used with the SDK alone: issue 13's proof that a package outside the workspace adds
// a node type and a service (counters, migrations, routes) with no edit to Afterglow's core.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, pnpmPack, run, tscBin, workspaceVersion, writeTree } from './support/packed';
import { consumerProject } from './support/sdk-consumer';
import { smsConsumer } from './support/sms-consumer';

let scratch: string;
/** A third party's project (support/sdk-consumer.ts, sms-consumer.ts) with the SDK, zod, the scaffolder and the SMS plugin installed. */
let project: string;
/** What the scaffolder made, installed: prepared while the SDK's consumer is type-checked. */
let scaffolded: Promise<{ printed: string; pkg: string }>;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const zod = `zod@${workspaceVersion('packages/node-sdk', 'zod')}`;
const nodeTypes = `@types/node@${workspaceVersion('.', '@types/node')}`;
/** The scaffolder's bin as npm links it, the way `pnpm create afterglow-node` runs it. */
const create = (cwd: string, ...args: string[]) => run(cwd, path.join(project, 'node_modules/.bin/create-afterglow-node'), args);

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'afterglow-sdk-package-'));
  project = path.join(scratch, 'consumer');
  const [sdkTarball, createTarball, smsTarball] = await Promise.all([
    pnpmPack('packages/node-sdk', path.join(scratch, 'sdk')),
    pnpmPack('packages/create-afterglow-node', path.join(scratch, 'create')),
    pnpmPack('examples/afterglow-node-sms', path.join(scratch, 'sms')),
  ]);
  console.log(`node-sdk, create-afterglow-node and afterglow-node-sms packed after ${elapsed()}`);
  writeTree(project, { ...consumerProject, ...smsConsumer });
  // One install for all tarballs: each npm run costs seconds on a busy machine. react is not named:
  // npm installs it as the plugin's peer. Node's types are for sms/ (its HTTP server and HMAC).
  await npmInstall(project, [sdkTarball, zod, createTarball, smsTarball, nodeTypes]);
  console.log(`SDK, zod, scaffolder and SMS plugin installed after ${elapsed()}`);
  scaffolded = (async () => {
    const printed = await create(scratch, '@acme/afterglow-loyalty');
    const pkg = path.join(scratch, 'afterglow-loyalty');
    // The versions Afterglow is built with, so npm's cache serves them.
    await npmInstall(pkg, [sdkTarball, zod, `typescript@${workspaceVersion('.', 'typescript')}`, nodeTypes]);
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

describe('afterglow-node-sms from its tarball, with the SDK alone', () => {
  it('ships built ES modules with declarations; the SDK, zod and react only as peers, nothing of the workspace', () => {
    const root = path.join(project, 'node_modules/afterglow-node-sms');
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      type: 'module',
      sideEffects: false,
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      main: './dist/index.js',
      types: './dist/index.d.ts',
    });
    expect(manifest.peerDependencies).toEqual({ '@afterglow/node-sdk': '^1.0.0', react: '^19.0.0', zod: '^4.1.0' });
    expect(manifest.dependencies).toBeUndefined();
    // pnpm rewrote every workspace: range (devDependencies keep @afterglow/testing, never installed by users).
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    expect(manifest.publishConfig).toBeUndefined();
    expect(readdirSync(root).sort()).toEqual(['README.md', 'dist', 'package.json']);
    // Each module with its declarations; no tests, no test support.
    const dist = new Set(readdirSync(path.join(root, 'dist'), { recursive: true }) as string[]);
    const modules = [...dist].filter((f) => f.endsWith('.js'));
    expect(modules).toContain('index.js');
    expect(modules.filter((f) => f.includes('test'))).toEqual([]);
    expect(modules.filter((f) => !dist.has(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
  });

  it('type-checks (strict, NodeNext, no React types) and runs: both versions, the migration, a step, a delivery to Twilio, its hooks', async () => {
    await run(project, process.execPath, [tscBin, '-p', 'sms/tsconfig.json']);
    console.log(`SMS consumer type-checked and compiled after ${elapsed()}`);
    const out = JSON.parse(await run(project, process.execPath, ['sms/dist/main.js']));
    const sid = 'SM0123456789abcdef0123456789abcdef';
    const hook = (p: string) => `https://shop.example/hooks/sms/ws_1/${p}`;
    expect(out).toEqual({
      plugin: {
        id: 'sms', registered: ['sms/send@1', 'sms/send@2'], palette: ['sms/send@2'], services: ['sms/twilio'],
        routes: ['POST status', 'POST inbound'], widgets: ['message'],
      },
      migrated: {
        version: 2,
        config: { message: 'Здраво {{ customer.firstName }}, попуст 20%!', kind: 'marketing', whenCapped: 'skip', alphabet: 'keep', countryCode: '' },
        notes: ['“Text” is now “Message”, with a live SMS count. New “Alphabet” setting: “Latin without diacritics” writes Cyrillic and č, ć, š, ž, đ as plain Latin letters so one SMS holds 160 characters instead of 70 (GSM-7 instead of Unicode); this step keeps its text as written until you choose it. Also new: hold or skip at the frequency cap (skip, as before) and a country code for local numbers (none, as before).'],
      },
      // 060 123 4567 with country code 381, the Cyrillic written in GSM-7 Latin; `sent` is counted by the service.
      sent: {
        instruction: { kind: 'next', branch: 'out' },
        queued: [{ service: 'sms/twilio', key: 'run_test:node_test:sms/twilio', payload: { to: '+381601234567', body: 'Zdravo Ana, popust 20%!' } }],
        counts: {},
      },
      optedOut: { instruction: { kind: 'next', branch: 'out' }, queued: [], counts: { skipped: 1 } },
      delivery: { status: 'accepted', externalId: sid, count: 'sent' },
      twilioReceived: {
        method: 'POST', path: '/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
        form: { To: '+381601234567', Body: 'Zdravo Ana, popust 20%!', StatusCallback: hook('status'), From: '+381111234567' },
        idempotencyToken: 'run_test:node_test:sms/twilio',
        authorization: true,
      },
      status: { response: { status: 204 }, calls: [['settle', 'sms/twilio', sid, { status: 'delivered', count: 'delivered' }]] },
      forged: { response: { status: 403, body: 'The X-Twilio-Signature header is missing or wrong' }, calls: [] },
      inbound: {
        response: { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>', headers: { 'content-type': 'text/xml' } },
        calls: [['setAttributes', 'cust_1', { smsConsent: false }], ['track', 'cust_1', 'SMS Unsubscribed', { phone: '+381601234567', keyword: 'Stop.' }]],
      },
      widget: { type: 'div', isThePluginsWidget: true },
      segments: [
        { encoding: 'UCS-2', characters: 13, units: 13, segments: 1, perSegment: 70, remaining: 57 },
        { encoding: 'GSM-7', characters: 15, units: 15, segments: 1, perSegment: 160, remaining: 145 },
      ],
    });
  });
});
