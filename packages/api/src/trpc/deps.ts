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
  /** Where browsers reach the app (AFTERGLOW_PUBLIC_URL): invitation links start with it. */
  publicUrl?: () => string;
}

export const appUrl = (deps: ApiDeps): string => deps.publicUrl?.() ?? 'http://localhost:3000';
