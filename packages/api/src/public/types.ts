import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';

export interface PublicDeps {
  database: Database;
  /** Injected time (the engine's Clock shape), so tests control when opens and consent happen. */
  clock: { now(): Date };
  log?: Logger;
}
