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
    points: [{ amount: 75, reason: 'Welcome to Acme' }],
    skipped: { kind: 'exit', reason: 'No marketing consent' },
    issues: [{ field: 'points', message: 'Grant at least 1 point' }],
    summary: '75 points',
    registered: ['acme/welcome-points'],
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
import { defineNodeType, exit, next } from '@afterglow/node-sdk';
import { z } from 'zod';

export const welcomePoints = defineNodeType({
  id: 'acme/welcome-points',
  version: 1,
  category: 'action',
  config: z.object({
    points: z.number().int().min(1, 'Grant at least 1 point').meta({ label: 'Points' }),
    reason: z.string().min(1),
  }),
  defaults: { points: 50, reason: 'Welcome' },
  ui: {
    label: 'Welcome points',
    description: 'Grants loyalty points to a new customer.',
    icon: 'gift',
    color: 'emerald',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c) => \`\${c.points} points\`,
  },
  execute: async (ctx, c) => {
    if (!ctx.customer.marketingConsent) return exit('No marketing consent');
    await ctx.services.points.grant(c.points, c.reason);
    return next();
  },
});
`,
  'src/main.ts': `
import { configIssues, NodeRegistry, nextLocalTime, summaryOf } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import { welcomePoints } from './welcome-points.js';

const { ctx, effects } = createTestContext({ now: new Date('2026-01-07T12:00:00Z') });
const instruction = await welcomePoints.execute!(ctx, { points: 75, reason: 'Welcome to Acme' });
const declined = createTestContext({ customer: { marketingConsent: false } });
const skipped = await welcomePoints.execute!(declined.ctx, { points: 75, reason: 'Welcome to Acme' });

/** Never called: proves the config's type reaches execute through the declarations. */
export function configIsTyped() {
  // @ts-expect-error points is a number in the schema
  return welcomePoints.execute!(ctx, { points: 'many', reason: 'Welcome' });
}

console.log(JSON.stringify({
  instruction,
  points: effects.points,
  skipped,
  issues: configIssues(welcomePoints, { points: 0, reason: 'Welcome' }),
  summary: summaryOf(welcomePoints, { points: 75, reason: 'Welcome' }),
  registered: new NodeRegistry([welcomePoints]).all().map((d) => d.id),
  nextMonday: nextLocalTime(ctx.now(), 'Europe/Berlin', 10, 1).toISOString(),
}));
`,
};
