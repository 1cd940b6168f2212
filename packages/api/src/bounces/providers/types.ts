// The shape every relay's reader has: it authenticates a request as that relay signs it, names
// the workspaces it belongs to, and reads its events (or answers a handshake itself).
import type { Database } from '@afterglow/db';
import type { IncomingHttpHeaders } from 'node:http';
import type { RelayEvent } from './report';

export interface RelayRequest {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  now: Date;
}

export interface RelayReceipt {
  /** Workspaces the request authenticated for (an SNS topic may serve several). */
  workspaceIds: string[];
  events: RelayEvent[];
  /** Said back when nothing was to be recorded (a subscription confirmed, a test message). */
  note?: string;
  /** Called once the events are recorded. */
  recorded?: () => void;
}

export type RelayReader = (database: Database, request: RelayRequest) => Promise<RelayReceipt>;

export const headerOf = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};
