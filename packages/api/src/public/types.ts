import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type postgres from 'postgres';
import type { IngestedEvent } from '../ingest/store';

export interface PublicDeps {
  database: Database;
  /** Injected time (the engine's Clock shape), so tests control when opens and consent happen. */
  clock: { now(): Date };
  log?: Logger;
  /** Where the server is reached publicly (no trailing slash): the storefront's photo URLs start with it. */
  publicUrl?: () => string;
  /** Events the pages store (a submitted review), inside their transaction: the engine enrols them. */
  onEventsStored?: (tx: postgres.TransactionSql, events: IngestedEvent[]) => Promise<unknown>;
  /** After that transaction commits (wakes the workers). */
  afterCommit?: () => Promise<unknown>;
}
