// @afterglow/node-sdk as npm delivers it, not as the workspace links it: packed with pnpm,
// installed from the tarball into a project outside the workspace, a node type written against
// it is type-checked (strict, NodeNext: the exports map and the .d.ts files are what TypeScript
// reads) and run by Node (the built ES modules, their import extensions included).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { npmInstall, pnpmPack, run, tscBin, workspaceVersion, writeTree } from './support/packed';

let scratch: string;
let project: string;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'afterglow-sdk-package-'));
  project = path.join(scratch, 'consumer');
  const tarball = await pnpmPack('packages/node-sdk', path.join(scratch, 'tarballs'));
  console.log(`node-sdk packed after ${elapsed()}`);
  writeTree(project, consumerProject);
  await npmInstall(project, [tarball, `zod@${workspaceVersion('packages/node-sdk', 'zod')}`]);
  console.log(`tarball and zod installed after ${elapsed()}`);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  console.log(`node-sdk package test took ${elapsed()}`);
});

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

/** A third party's project: its own node type, a script that exercises it, NodeNext and strict. */
const consumerProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'sdk-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true,
      // The SDK's declarations are checked too, not only used (TypeScript's own lib files are not).
      skipLibCheck: false, skipDefaultLibCheck: true, noEmitOnError: true,
      lib: ['ES2023', 'DOM'], types: [], rootDir: 'src', outDir: 'dist',
    },
    include: ['src'],
  }, null, 2),
  'src/welcome-points.ts': `
import { defineNodeType, definePlugin, defineService, exit, hold, next, NodeError } from '@afterglow/node-sdk';
import { z } from 'zod';

export const crmNotes = defineService({
  id: 'acme/crm-notes',
  label: 'Acme CRM notes',
  payload: z.object({ customerId: z.string(), note: z.string().min(1) }),
  deliver: async (effect) => (effect.payload.note ? { status: 'delivered', count: 'noted' } : { status: 'failed', error: 'empty' }),
});

export const welcomePoints = defineNodeType({
  id: 'acme/welcome-points',
  version: 1,
  category: 'action',
  config: z.object({
    points: z.number().int().min(1, 'Grant at least 1 point').meta({ label: 'Points', unit: 'points' }),
    note: z.string().meta({ label: 'CRM note', widget: 'textarea' }),
  }),
  defaults: { points: 50, note: 'Welcomed' },
  ui: {
    label: 'Welcome points',
    description: 'Grants loyalty points to a new customer and notes it in the CRM.',
    icon: 'gift',
    color: 'emerald',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c) => \`\${c.points} points\`,
  },
  counters: [{ id: 'granted', label: 'Points granted', tone: 'good' }, { id: 'noted', label: 'Noted in the CRM' }],
  execute: async (ctx, c) => {
    if (!ctx.customer.marketingConsent) return exit('No marketing consent');
    const verdict = await ctx.sendPolicy.check({ channel: 'crm', kind: 'marketing', whenCapped: 'hold' });
    if (verdict.decision === 'hold') return hold(verdict.until, verdict.reason);
    if (c.note.length > 500) throw new NodeError('The note is too long for the CRM', { code: 'config', field: 'note' });
    await ctx.services.points.grant(c.points, 'Welcome');
    ctx.count('granted', c.points);
    await ctx.enqueue(crmNotes, { customerId: ctx.customer.id, note: c.note });
    return next();
  },
});

export default definePlugin({ id: 'acme', nodeTypes: [welcomePoints], services: [crmNotes] });
`,
  'src/main.ts': `
import { configIssues, NodeError, NodeRegistry, nextLocalTime, summaryOf } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import { z } from 'zod';
import acme, { welcomePoints } from './welcome-points.js';

const config = { points: 75, note: 'Welcome mail sent' };
const { ctx, effects } = createTestContext({ now: new Date('2026-01-07T12:00:00Z') });
const instruction = await welcomePoints.execute!(ctx, config);
const declined = createTestContext({ customer: { marketingConsent: false } });
const quiet = createTestContext({ sendPolicy: () => ({ decision: 'hold', until: new Date('2026-01-08T08:00:00Z'), reason: 'Quiet hours' }) });
const tooLong = await Promise.resolve(welcomePoints.execute!(ctx, { ...config, note: 'x'.repeat(501) })).catch((e: unknown) => e);

/** Never called: proves types reach a plugin through the declarations. */
export function typesAreChecked() {
  z.string().meta({
    // @ts-expect-error .meta() is typed by the SDK: no widget of that name
    widget: 'datetme',
  });
  // @ts-expect-error points is a number in the schema
  return welcomePoints.execute!(ctx, { points: 'many', note: 'x' });
}

console.log(JSON.stringify({
  instruction,
  points: effects.points,
  counts: effects.counts,
  queued: effects.queued,
  skipped: await welcomePoints.execute!(declined.ctx, config),
  held: await welcomePoints.execute!(quiet.ctx, config),
  error: tooLong instanceof NodeError ? { code: tooLong.code, field: tooLong.field, retryable: tooLong.retryable } : String(tooLong),
  issues: configIssues(welcomePoints, { ...config, points: 0 }),
  summary: summaryOf(welcomePoints, config),
  registered: new NodeRegistry([], [acme]).all().map((d) => \`\${d.id}@\${d.version}\`),
  services: new NodeRegistry([], [acme]).services().map((s) => s.id),
  nextMonday: nextLocalTime(ctx.now(), 'Europe/Berlin', 10, 1).toISOString(),
}));
`,
};
