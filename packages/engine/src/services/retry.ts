// When a service's effect is tried again: the service's RetryPolicy, or the defaults the Call
// webhook step uses too (8 attempts; 30 s after the first failure, doubling, at most 1 h; each
// delay times 0.5-1, so effects that failed together do not come back together).
import type { RetryPolicy } from '@afterglow/node-sdk';

export const SERVICE_RETRY_DEFAULTS: Required<RetryPolicy> = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

export function retryPolicyOf(policy: RetryPolicy | undefined): Required<RetryPolicy> {
  const p = { ...SERVICE_RETRY_DEFAULTS, ...policy };
  return { maxAttempts: Math.max(1, Math.floor(p.maxAttempts)), baseDelayMs: Math.max(1000, p.baseDelayMs), maxDelayMs: Math.max(1000, p.maxDelayMs) };
}

/** Delay before the next try after `attempts` failed ones. */
export function serviceRetryDelayMs(policy: Required<RetryPolicy>, attempts: number, random: () => number): number {
  return Math.round(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1)) * (0.5 + random() / 2));
}

/**
 * Delay for an effect whose service is not installed (its plugin was disabled): as long as it
 * has waited so far, from 30 s to at most 1 h, so the wait doubles without counting attempts;
 * re-enabling the plugin delivers it within the hour, with all its attempts still to come.
 */
export function uninstalledDelayMs(queuedAt: Date, now: Date, random: () => number): number {
  const waited = now.getTime() - queuedAt.getTime();
  return Math.round(Math.min(SERVICE_RETRY_DEFAULTS.maxDelayMs, Math.max(SERVICE_RETRY_DEFAULTS.baseDelayMs, waited)) * (0.5 + random() / 2));
}
