import type { Database } from '@afterglow/db';

export interface PublicDeps {
  database: Database;
  /** Injected time (the engine's Clock shape), so tests control when opens and consent happen. */
  clock: { now(): Date };
  log?: (message: string, data?: Record<string, unknown>) => void;
}
