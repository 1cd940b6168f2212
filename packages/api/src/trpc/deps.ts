import type { Database } from '@afterglow/db';
import type { Clock, Engine } from '@afterglow/engine';
import type { Logger, NodeRegistry } from '@afterglow/node-sdk';

/** Everything the tRPC API needs from the host process. */
export interface ApiDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  engine: Pick<Engine, 'stats' | 'wake' | 'retryFailed'>;
  /** Adds `Secure` to the session cookie (set when served over HTTPS). */
  secureCookies?: boolean;
  /** Where browsers reach the app (AFTERGLOW_PUBLIC_URL): invitation links start with it. */
  publicUrl?: () => string;
  /** Where server faults of procedures are logged (component 'http'). */
  log?: Logger;
}

export const appUrl = (deps: ApiDeps): string => deps.publicUrl?.() ?? 'http://localhost:3000';
