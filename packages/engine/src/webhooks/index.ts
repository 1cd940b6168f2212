// Call webhook steps: queued in the step's transaction (queue.ts), delivered after it by the
// dispatcher through the address guard (guard.ts) and a pinned, signed request (send.ts).
export { webhookService, writeWebhooks, type WebhookRow } from './queue';
export { dispatchDueWebhooks, webhookRetryDelayMs, WEBHOOK_MAX_ATTEMPTS, type WebhookDispatchResult } from './dispatcher';
export { blockedReason, resolveTarget, TargetRefused, type Resolver, type ResolvedTarget } from './guard';
export { signatureHeader, WEBHOOK_TIMEOUT_MS } from './send';
