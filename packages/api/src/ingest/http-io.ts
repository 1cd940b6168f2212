// Request-body reading with a hard size cap, JSON bodies held to the input policy, and
// JSON replies; an unexpected failure answers 500 with the request id, never the error.
import type { DatabaseAvailability } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inputIssues } from '../input-policy/index';
import { requestIdFor } from '../request-id';

export const MAX_BODY_BYTES = 512 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
    /** More fields for the reply body (e.g. a batch's rejected messages by index). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Reads the body, refusing (413) as soon as it passes `limit`: a declared
 * Content-Length over the limit is refused before any byte is read, and a streamed body
 * stops being collected the moment it crosses the limit, so memory stays bounded.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `Request body is larger than ${limit / 1024} KB`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => { cleanup(); resolve(Buffer.concat(chunks)); };
    const onError = (err: Error) => { cleanup(); reject(err); };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Parses a JSON body; 400 when it is not JSON. */
export function parseJsonBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, 'Body is not valid JSON', [{ path: '(body)', message: (err as Error).message }]);
  }
}

/** Refuses (400, naming each path) a value the input policy does not let through. */
export function refuseBadInput(value: unknown, what: string): void {
  const issues = inputIssues(value);
  if (issues.length > 0) throw new HttpError(400, `${what} was refused: nothing was stored`, issues);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/**
 * A refused body may still be arriving. Closing the connection after the reply keeps
 * the server from reading (and the client from sending) the rest of it.
 */
export function sendErrorAndClose(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { error: err.message, issues: err.issues, ...err.extra }, { connection: 'close' });
}

/**
 * 503 while the database is unreachable (its breaker open): nothing was done, and the client
 * should try again after Retry-After seconds. Answered at once, without touching the database.
 */
export function sendUnavailable(res: ServerResponse, availability: DatabaseAvailability): void {
  const seconds = availability.retryAfterSeconds;
  // The body was not read: closing the connection spares the client sending the rest of it.
  sendJson(res, 503, { error: `The database is unreachable; nothing was stored, retry in ${seconds} s` },
    { 'retry-after': String(seconds), connection: 'close' });
}

/**
 * An endpoint's outer layer: a coded HttpError answers with its status; a connection error
 * (the database is down) opens the breaker and answers 503; anything else is logged (with its
 * stack and the request id) and answered 500 with `failure`, which says what was not done and
 * what to do, and the request id.
 */
export function guardRequests(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  failure: { availability: DatabaseAvailability; log?: Logger; what: string; message: string },
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (!failure.availability.up) return sendUnavailable(res, failure.availability);
    try {
      await handle(req, res);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof HttpError) return sendErrorAndClose(res, err);
      if (failure.availability.report(err)) return sendUnavailable(res, failure.availability);
      const requestId = requestIdFor(res);
      failure.log?.error(failure.what, { requestId, error: String((err as Error)?.stack ?? err) });
      sendErrorAndClose(res, new HttpError(500, `${failure.message} (request id ${requestId})`, [], { requestId }));
    }
  };
}
