import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versions } from './package-json.js';
import { namespaceOf, scaffold, ScaffoldError } from './scaffold.js';

let scratch: string;
beforeEach(() => { scratch = mkdtempSync(path.join(os.tmpdir(), 'create-afterglow-node-')); });
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(scratch, 'out', file), 'utf8');

describe('scaffold', () => {
  it('writes the package with its name and namespace filled in', () => {
    const files = scaffold({ name: '@acme/afterglow-loyalty', directory: path.join(scratch, 'out') });
    expect(files).toEqual([
      '.gitignore', 'README.md', 'package.json', 'src/definition.test.ts', 'src/definition.ts', 'src/index.ts', 'tsconfig.json',
    ]);
    const manifest = JSON.parse(read('package.json'));
    expect(manifest).toMatchObject({
      name: '@acme/afterglow-loyalty',
      type: 'module',
      scripts: { build: 'tsc', test: 'tsc && cd dist && node --test' },
      peerDependencies: { '@afterglow/node-sdk': '^1.0.0', zod: expect.any(String) },
    });
    expect(read('src/definition.ts')).toContain("id: 'loyalty/order-points'");
    expect(read('src/index.ts')).toContain("definePlugin({ id: 'loyalty'");
    expect(read('README.md')).toMatch(/^# @acme\/afterglow-loyalty\n/);
    for (const file of files) expect(read(file)).not.toMatch(/__[A-Z_]+__/);
  });

  it('refuses names npm would refuse, saying why', () => {
    for (const name of ['My-Node', 'my node', '.hidden', 'node_modules', 'a'.repeat(215)]) {
      expect(() => scaffold({ name, directory: path.join(scratch, 'out') }), name).toThrow(ScaffoldError);
    }
    expect(() => scaffold({ name: 'My-Node', directory: path.join(scratch, 'out') })).toThrow(/not a valid npm package name: .*capital letters/);
  });

  it('refuses a directory that has files, and writes into an empty one', () => {
    mkdirSync(path.join(scratch, 'out'));
    writeFileSync(path.join(scratch, 'out', 'notes.txt'), 'mine');
    expect(() => scaffold({ name: 'my-node', directory: path.join(scratch, 'out') })).toThrow(/not an empty directory/);
    expect(read('notes.txt')).toBe('mine');
    rmSync(path.join(scratch, 'out', 'notes.txt'));
    expect(scaffold({ name: 'my-node', directory: path.join(scratch, 'out') })).toContain('src/definition.ts');
  });

  it('derives the namespace from the name', () => {
    expect(namespaceOf('my-node')).toBe('my-node');
    expect(namespaceOf('afterglow-node-sms')).toBe('sms');
    expect(namespaceOf('@acme/afterglow-plugin-crm')).toBe('crm');
    expect(namespaceOf('@acme/Tools.For_Shops')).toBe('tools-for-shops');
    expect(namespaceOf('afterglow')).toBe('afterglow');
    expect(namespaceOf('x'.repeat(60))).toHaveLength(41);
  });
});

it('starts packages on the versions Afterglow is built with', () => {
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const catalog = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const pinned = (dep: string) => new RegExp(`^  "?${dep.replace('/', '\\/')}"?: (\\S+)$`, 'm').exec(catalog)?.[1];
  expect(versions.zod).toBe(`^${pinned('zod')}`);
  expect(versions.typescript).toBe(`^${pinned('typescript')}`);
  expect(versions.typesNode).toBe(`^${pinned('@types/node')}`);
  const sdk = JSON.parse(readFileSync(path.join(root, 'packages/node-sdk/package.json'), 'utf8'));
  expect(versions.sdk).toBe(`^${sdk.version}`);
  expect(versions.zodPeer).toBe(sdk.peerDependencies.zod);
});
