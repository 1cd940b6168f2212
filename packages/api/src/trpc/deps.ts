import type { Database } from '@afterglow/db';
import type { TemplateSandbox } from '@afterglow/email';
import type { Clock, Engine } from '@afterglow/engine';
import type { NodeRegistry } from '@afterglow/node-sdk';

/** Everything the tRPC API needs from the host process. */
export interface ApiDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  engine: Pick<Engine, 'stats' | 'wake' | 'retryFailed'>;
  /** Checks and renders templates a request brings (drafts, saves, publishes) off the event loop. */
  templateSandbox: Pick<TemplateSandbox, 'check' | 'preview'>;
  /** Adds `Secure` to the session cookie (set when served over HTTPS). */
  secureCookies?: boolean;
}
