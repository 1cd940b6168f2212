import type { Database } from '@afterglow/db';
import type { TemplateSandbox } from '@afterglow/email';
import type { Clock, Engine } from '@afterglow/engine';
import type { Logger, NodeRegistry } from '@afterglow/node-sdk';

/** Everything the tRPC API needs from the host process. */
export interface ApiDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  /** enrolEvents: journeys start on events the API derives (Reward Redeemed); absent in tests that need none. */
  engine: Pick<Engine, 'stats' | 'wake' | 'retryFailed'> & Partial<Pick<Engine, 'enrolEvents'>>;
  /** Checks and renders templates a request brings (drafts, saves, publishes) off the event loop. */
  templateSandbox: Pick<TemplateSandbox, 'check' | 'preview'>;
  /** Adds `Secure` to the session cookie (set when served over HTTPS). */
  secureCookies?: boolean;
  /** Where browsers reach the app (AFTERGLOW_PUBLIC_URL, else http://localhost:PORT): invitation links start with it. */
  publicUrl?: () => string;
  /**
   * AFTERGLOW_PUBLIC_URL as configured: its origin may send tRPC mutations, besides pages served
   * under the request's own Host (a proxy that rewrites Host needs it).
   */
  publicOrigin?: string;
  /** AFTERGLOW_TRUSTED_PROXIES: reverse proxies in front, whose X-Forwarded-For is believed. Default 0. */
  trustedProxies?: number;
  /** Server faults of procedures and security events such as sign-in throttling (component 'http'). */
  log?: Logger;
}

export const appUrl = (deps: ApiDeps): string => deps.publicUrl?.() ?? 'http://localhost:3000';
