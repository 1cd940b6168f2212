// Entry for `node apps/server [--role=web|worker|all]`: registers tsx so the
// TypeScript sources run directly, without a build step for the server.
import { register } from 'tsx/esm/api';
register();
await import('./src/main.ts');
