// Services: effects node types queue with ctx.enqueue (queue.ts), delivered after the step's
// transaction commits by the dispatcher (dispatcher.ts) through each service's deliver(), with
// the guarded fetch (guarded-fetch.ts), the workspace's settings (settings.ts) and retries (retry.ts).
export { writeServiceEffects, type ServiceEffectRow } from './queue';
export { dispatchDueServiceEffects, type ServiceDispatchOptions, type ServiceDispatchResult } from './dispatcher';
export { createGuardedFetch, SERVICE_FETCH_TIMEOUT_MS } from './guarded-fetch';
export { SERVICE_RETRY_DEFAULTS } from './retry';
export { readServiceSettings } from './settings';
export { settleServiceEffect, type ServiceOutcome, type SettleRequest } from './settle';
