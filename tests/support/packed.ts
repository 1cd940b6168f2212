// Workspace packages as a third-party developer gets them: packed by pnpm (publishConfig applied,
// prepack builds) and installed from the tarball by npm into a project outside the workspace.
// Commands run with the workspace's own TypeScript and the Node running the tests; npm prefers
// its cache, so only a cold cache reaches the registry.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const tscBin = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The environment of a developer's shell rather than of a script pnpm runs: pnpm's lifecycle
 * variables would reach npm as its own config. A registry or cache set for CI is kept.
 */
function shellEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_registry', 'npm_config_cache']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_') || kept.has(k.toLowerCase())));
}

/** Runs a command; a failure's message carries its output, which is what a reader needs. */
export async function run(cwd: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await exec(command, args, { cwd, env: shellEnv(), maxBuffer: 16 << 20 });
    return stdout;
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`, { cause: e });
  }
}

/** `pnpm pack` of a workspace package into `destination`; returns the tarball's path. */
export async function pnpmPack(packageDir: string, destination: string): Promise<string> {
  mkdirSync(destination, { recursive: true });
  // pnpm itself sets the user agent its prepack scripts check; this process may not run under pnpm.
  await exec('pnpm', ['pack', '--pack-destination', destination], { cwd: path.join(repoRoot, packageDir), maxBuffer: 16 << 20 })
    .catch((e: { stdout?: string; stderr?: string }) => {
      throw new Error(`pnpm pack failed in ${packageDir}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
  const tarballs = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`expected one tarball in ${destination}, found ${tarballs.join(', ') || 'none'}`);
  return path.join(destination, tarballs[0]);
}

/** Installs packages (registry specs or tarball paths) as devDependencies, from npm's cache when it can. */
export function npmInstall(projectDir: string, specs: string[]): Promise<string> {
  return run(projectDir, 'npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs]);
}

/** The version of a dependency the workspace installed for `packageDir` (e.g. zod for packages/node-sdk). */
export function workspaceVersion(packageDir: string, dependency: string): string {
  const manifest = path.join(repoRoot, packageDir, 'node_modules', dependency, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Writes a tree of files (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}
