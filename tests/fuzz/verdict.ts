// What must hold for every fuzzed request, whatever it sent: no 5xx (a failure names its
// request id, and the server's log line under that id is quoted), no stack trace or source
// path in an error body, and for the Segment API, "never loses good data": after a 200 or a
// 207 every message that was not rejected is stored, and a rejected one is not.
import { inputIssues } from '../../packages/api/src/input-policy/index';
import type { FuzzApp } from './app';
import type { FuzzRequest, Reply } from './request';

const LEAK = /\bat .+\.[cm]?[jt]s:\d+|node_modules|\/src\/[\w/-]+\.[jt]s|\bstack\b"?\s*:/;

function messagesSent(req: FuzzRequest): unknown[] | null {
  try {
    const body = JSON.parse(req.body ?? '') as unknown;
    if (req.path === '/v1/batch' || req.path === '/v1/b' || req.path === '/v1/import') {
      return Array.isArray((body as { batch?: unknown })?.batch) ? (body as { batch: unknown[] }).batch : null;
    }
    return [body];
  } catch {
    return null;
  }
}

/** The id a message would be stored under, when it can be looked up (Postgres text cannot hold some). */
const messageIdOf = (m: unknown) => {
  const id = m && typeof m === 'object' ? (m as { messageId?: unknown }).messageId : undefined;
  return typeof id === 'string' && id.trim() && inputIssues(id).length === 0 ? id.trim() : null;
};

async function ingestProblems(fuzz: FuzzApp, req: FuzzRequest, reply: Reply): Promise<string[]> {
  if (!req.path.startsWith('/v1/') || (reply.status !== 200 && reply.status !== 207)) return [];
  const messages = messagesSent(req);
  if (!messages) return [`${reply.status} for a body that is not a message or a batch`];
  const rejected = new Set<number>(reply.status === 207 ? (JSON.parse(reply.body) as { rejected: { index: number }[] }).rejected.map((r) => r.index) : []);
  const ids = messages.map(messageIdOf);
  const { sql } = fuzz.database;
  const stored = new Set((await sql<{ id: string }[]>`
    select message_id as id from events where workspace_id = ${fuzz.workspaceId}
      and message_id = any(${sql.array(ids.filter((i): i is string => i !== null))}::text[])`).map((r) => r.id));
  return ids.flatMap((id, index) => {
    if (id === null) return [];
    if (!rejected.has(index) && !stored.has(id)) return [`message ${index} (${id}) was accepted but not stored`];
    if (rejected.has(index) && id.startsWith('fz-') && stored.has(id)) return [`message ${index} (${id}) was rejected but stored`];
    return [];
  });
}

export async function problemsOf(fuzz: FuzzApp, req: FuzzRequest, reply: Reply): Promise<string[]> {
  const problems: string[] = [];
  if (reply.status >= 500) {
    const id = reply.headers['x-request-id'];
    const logged = fuzz.log.filter((line) => typeof id === 'string' && line.includes(id)).join('\n');
    problems.push(`${reply.status}: ${reply.body.slice(0, 500)}${logged ? `\nserver log: ${logged.slice(0, 3000)}` : ''}`);
  }
  if (reply.status >= 400 && LEAK.test(reply.body)) problems.push(`error body shows server internals: ${reply.body.slice(0, 500)}`);
  problems.push(...(await ingestProblems(fuzz, req, reply)));
  return problems;
}
