// Every response carries X-Request-Id, and an unexpected failure is answered with that id
// and logged with it (and the stack), so an operator can find the log line of a user's
// "request id ..." without the response showing a stack trace or a file path. The id also
// lives in an AsyncLocalStorage scope for code that has no response at hand (tRPC's error
// formatter).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

const HEADER = 'x-request-id';
const scope = new AsyncLocalStorage<string>();

/** The response's request id, given to it (as the X-Request-Id header) on first use. */
export function requestIdFor(res: Pick<ServerResponse, 'getHeader' | 'setHeader' | 'headersSent'>): string {
  const given = res.getHeader(HEADER);
  if (typeof given === 'string') return given;
  const id = randomUUID();
  if (!res.headersSent) res.setHeader(HEADER, id);
  return id;
}

/** Runs `handle` with the response's request id in scope (see currentRequestId). */
export function withRequestId<T>(res: ServerResponse, handle: () => T): T {
  return scope.run(requestIdFor(res), handle);
}

/** The id of the request being served, when called inside withRequestId. */
export const currentRequestId = (): string | undefined => scope.getStore();
