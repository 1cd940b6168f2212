// The web app built against another afterglow.config (a test's plugins) into a directory of its
// own, for a browser test whose node types the app's own build does not know: the palette, cards
// and validation then come from the same plugins as the server's, as they do in a real install.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const webRoot = path.resolve(import.meta.dirname, '../../apps/web');

/** The slice of Vite's API used here (Vite is the web app's dependency, resolved from there). */
interface Vite { build(config: Record<string, unknown>): Promise<unknown> }

/** Builds apps/web into `outDir` with `configModule` (a file exporting defineConfig(...)) as afterglow.config. */
export async function buildWebApp(configModule: string, outDir: string): Promise<string> {
  const vite = (await import(pathToFileURL(createRequire(path.join(webRoot, 'package.json')).resolve('vite')).href)) as Vite;
  await vite.build({
    root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    resolve: { alias: [{ find: /^(?:\.\.\/)+afterglow\.config$/, replacement: configModule }] },
  });
  return outDir;
}
