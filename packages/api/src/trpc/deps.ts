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
  /** Where server faults of procedures are logged (component 'http'). */
  log?: Logger;
}
