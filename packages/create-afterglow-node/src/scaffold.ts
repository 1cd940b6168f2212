// Writes a new package of node types from template/: its files as they are, with the package's
// name and its namespace (the first part of its node type ids, and its plugin id) filled in,
// plus a package.json made in package-json.ts. It never writes into a directory that has files.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import validateName from 'validate-npm-package-name';
import { packageJson } from './package-json.js';

/** Beside src/ and dist/ alike, so the same code finds it in the workspace and when installed. */
export const templateDir = fileURLToPath(new URL('../template/', import.meta.url));

/** A refusal to show the user as it is (no stack): a bad name, a directory in the way. */
export class ScaffoldError extends Error {}

export function checkName(name: string): void {
  const { validForNewPackages, errors = [], warnings = [] } = validateName(name);
  if (!validForNewPackages) throw new ScaffoldError(`"${name}" is not a valid npm package name: ${[...errors, ...warnings].join('; ')}`);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 41).replace(/-+$/, '');

/** The part of ids this package owns: "@acme/afterglow-loyalty" → "loyalty", "my-node" → "my-node". */
export function namespaceOf(name: string): string {
  const bare = name.replace(/^@[^/]+\//, '');
  const namespace = slug(bare.replace(/^afterglow-(node-|plugin-)?/, '')) || slug(bare);
  if (!namespace) throw new ScaffoldError(`"${name}" needs a letter or a digit: it names the node types' namespace`);
  return namespace;
}

/** npm leaves files named .gitignore out of a package, so the template holds it without the dot. */
const targetOf = (file: string) => (file === 'gitignore' ? '.gitignore' : file);

/** Scaffolds the package into `directory` (created if missing); returns the files written. */
export function scaffold({ name, directory }: { name: string; directory: string }): string[] {
  checkName(name);
  const namespace = namespaceOf(name);
  if (existsSync(directory) && (!statSync(directory).isDirectory() || readdirSync(directory).length > 0)) {
    throw new ScaffoldError(`${directory} is not an empty directory: choose a new one`);
  }
  const fill = (text: string) => text.replaceAll('__PACKAGE_NAME__', name).replaceAll('__NAMESPACE__', namespace);
  const files: Record<string, string> = { 'package.json': `${JSON.stringify(packageJson(name), null, 2)}\n` };
  for (const file of readdirSync(templateDir, { recursive: true, encoding: 'utf8' })) {
    const source = path.join(templateDir, file);
    if (statSync(source).isFile()) files[targetOf(file.split(path.sep).join('/'))] = fill(readFileSync(source, 'utf8'));
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), content);
  }
  return Object.keys(files).sort();
}
