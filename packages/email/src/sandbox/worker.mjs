// The template sandbox's worker thread starts here. Afterglow runs its TypeScript sources
// through tsx, and a worker inherits no loader from the thread that made it (the pool
// starts workers with no execArgv, so this is the one place tsx is registered for them):
// the same file then works under `node apps/server`, `node --import tsx`, and vitest.
import { register } from 'tsx/esm/api';

register();
const { runTemplateTask } = await import('./task.ts');
export default runTemplateTask;
