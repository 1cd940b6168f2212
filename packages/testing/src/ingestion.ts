// identify and track as a shop sends them: JSON over HTTP to the Segment-compatible /v1
// endpoints, served in-process by the server's own ingestion handler. Parsing and refusals (a
// 400 naming the field), deduplication by messageId, profiles, order records and enrolment in
// journeys (the engine's enrolEvents, in the same transaction) are therefore production's.
import { createIngestHandler, createLoyaltyApiHandler, isPublicPath, LOYALTY_API_PREFIX, type IngestDeps } from '@afterglow/api';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MessageOptions {
  /** Segment's deduplication id; default a new one. The same id twice is stored once. */
  messageId?: string;
  /** When it happened; default the clock's now. */
  timestamp?: Date;
  /** The device's anonymous id (a cookie's): an identify with it names that visitor's earlier messages. */
  anonymousId?: string;
}

export interface Ingestion {
  /** Base URL of /v1 (for a Segment client: its `host`). */
  url: string;
  key: string;
  send(endpoint: 'identify' | 'track', message: Record<string, unknown>, opts?: MessageOptions): Promise<void>;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * Serves /v1 with the server's ingestion handler (and /v1/loyalty/ with its loyalty API), /hooks/ with `hooks` (plugins' routes) and the
 * recipients' pages (/u/, /p/, /t/, /r/, /w/: the links in the emails) with `recipients`, when given.
 */
export async function startIngestion(deps: IngestDeps, key: string, hooks?: Handler, recipients?: Handler): Promise<Ingestion> {
  const handle = createIngestHandler(deps);
  const loyalty = createLoyaltyApiHandler(deps);
  const route = (url = '/'): Handler => (url.startsWith(LOYALTY_API_PREFIX) ? loyalty : hooks && url.startsWith('/hooks/') ? hooks
    : recipients && isPublicPath(url.split('?')[0]) ? recipients : handle);
  const server = http.createServer((req, res) => void route(req.url)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  return {
    url, key,
    async send(endpoint, message, opts = {}) {
      const body = { ...message, messageId: opts.messageId ?? randomUUID(), ...(opts.timestamp ? { timestamp: opts.timestamp.toISOString() } : {}),
        ...(opts.anonymousId ? { anonymousId: opts.anonymousId } : {}) };
      const res = await fetch(`${url}/v1/${endpoint}`, {
        method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`POST /v1/${endpoint} answered ${res.status}: ${await res.text()}`);
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
