import type { Database } from '@afterglow/db';
import type { Clock, Engine } from '@afterglow/engine';
import type { NodeRegistry } from '@afterglow/node-sdk';

/** Everything the tRPC API needs from the host process. */
export interface ApiDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  engine: Pick<Engine, 'stats' | 'wake' | 'retryFailed'>;
  /** Adds `Secure` to the session cookie (set when served over HTTPS). */
  secureCookies?: boolean;
  /**
   * AFTERGLOW_PUBLIC_URL: its origin may send tRPC mutations, besides pages served under the
   * request's own Host (a proxy that rewrites Host needs it).
   */
  publicUrl?: string;
  /** AFTERGLOW_TRUSTED_PROXIES: reverse proxies in front, whose X-Forwarded-For is believed. Default 0. */
  trustedProxies?: number;
  /** Security events (sign-in throttling). */
  log?: (msg: string, data?: object) => void;
}
