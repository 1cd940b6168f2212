// Runs before the plugin is packed or published. Inside the workspace package.json's exports name
// the TypeScript sources; only pnpm swaps in publishConfig's (dist/*.js and .d.ts) when packing,
// so `npm pack` or `npm publish` would ship a package whose exports point at files it lacks.
// dist/ is emptied first so a module removed from src/ is not shipped from an earlier build.
import { rmSync } from 'node:fs';

if (!process.env.npm_config_user_agent?.startsWith('pnpm/')) {
  console.error('Pack and publish afterglow-node-sms with pnpm (pnpm pack, pnpm publish): only pnpm applies publishConfig.');
  process.exit(1);
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
