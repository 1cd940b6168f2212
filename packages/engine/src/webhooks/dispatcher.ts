// Delivers due webhook_outbox rows, like the email dispatcher: rows are claimed with
// FOR UPDATE SKIP LOCKED in one transaction that stays open while they are sent, so any
// number of workers never call the same row at once, and a worker that dies mid-batch leaves
// its rows pending: they are sent again, with the same Idempotency-Key. Outcomes are written
// back with one statement, and the final ones counted on their steps (`delivered`,
// `undelivered`) with one more, in the same transaction. 5xx, 429 and network errors are
// retried with exponential backoff and jitter; any other answer that is not 2xx (4xx, a
// redirect) fails the row at once.
// Header values and the signing secret are opened only here, to send; once a row is final
// (delivered or failed) they are emptied: nothing needs them any more.
import { addNodeCounts, SecretKeyUnknown, type Queryable, type SecretBox, type Sql } from '@afterglow/db';
import { resolveTarget, TargetRefused, type Resolver } from './guard';
import { sendWebhook, signatureHeader } from './send';

export const WEBHOOK_MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
const SEND_CONCURRENCY = 5;

/** Delay before the next try after `attempts` failed ones: 30 s, 1, 2, 4 ... min (capped at 1 h), times 0.5–1. */
export function webhookRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  return Math.round(Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1)) * (0.5 + random() / 2));
}

export interface WebhookDispatchOptions {
  sql: Sql;
  /** Opens the rows' sealed header values and signing secrets. */
  secrets: SecretBox;
  now: Date;
  /** Let private and loopback targets through: tests and development receivers only. */
  allowPrivate?: boolean;
  resolve?: Resolver;
  batchSize?: number;
  timeoutMs?: number;
  random?: () => number;
}

export interface WebhookDispatchResult { delivered: number; retried: number; failed: number }

interface ClaimedRow {
  id: string; effect_key: string; url: string; method: string; headers: Record<string, string>;
  body: string; signing_secret: string | null; attempts: number;
}

interface Outcome { id: string; status: 'delivered' | 'pending' | 'failed'; error: string | null; code: number | null; next: string | null }

async function deliver(row: ClaimedRow, opts: WebhookDispatchOptions): Promise<Outcome> {
  const attempts = row.attempts + 1;
  const failed = (error: string, code: number | null = null): Outcome => ({ id: row.id, status: 'failed', error, code, next: null });
  const retry = (error: string, code: number | null = null): Outcome => (attempts >= WEBHOOK_MAX_ATTEMPTS
    ? failed(`gave up after ${attempts} attempts: ${error}`, code)
    : { id: row.id, status: 'pending', error, code,
        next: new Date(opts.now.getTime() + webhookRetryDelayMs(attempts, opts.random)).toISOString() });
  let url: URL;
  try {
    url = new URL(row.url);
  } catch {
    return failed(`${row.url} is not a URL`);
  }
  let target;
  try {
    target = await resolveTarget(url, { allowPrivate: opts.allowPrivate ?? false, resolve: opts.resolve });
  } catch (err) {
    if (err instanceof TargetRefused) return failed(err.message);
    return retry(`cannot resolve ${url.hostname}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let own: Record<string, string>;
  let signingSecret: string | null;
  try {
    own = Object.fromEntries(Object.entries(row.headers).map(([name, value]) => [name, opts.secrets.open(value)]));
    signingSecret = row.signing_secret === null ? null : opts.secrets.open(row.signing_secret);
  } catch (err) {
    // A process started without the key (e.g. mid-rotation): another one, or a later try, has it.
    if (err instanceof SecretKeyUnknown) return retry(err.message);
    throw err;
  }
  const headers: Record<string, string> = {
    ...own,
    'content-type': 'application/json',
    'user-agent': 'Afterglow-Webhooks/1',
    // The effect key: a resend after a crash carries the key of the call it repeats.
    'idempotency-key': row.effect_key,
  };
  if (signingSecret) headers['x-afterglow-signature'] = signatureHeader(signingSecret, row.body, opts.now);
  let answer;
  try {
    answer = await sendWebhook({ url, method: row.method, headers, body: row.body, target, timeoutMs: opts.timeoutMs });
  } catch (err) {
    return retry(`network error: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const said = `${answer.status}${answer.text ? `: ${answer.text.replace(/\s+/g, ' ').trim().slice(0, 300)}` : ''}`;
  if (answer.status >= 200 && answer.status < 300) return { id: row.id, status: 'delivered', error: null, code: answer.status, next: null };
  if (answer.status >= 300 && answer.status < 400) {
    return failed(`${answer.status}: redirect to ${answer.location ?? '(no location)'} not followed; use the final address`, answer.status);
  }
  if (answer.status >= 500 || answer.status === 429) return retry(said, answer.status);
  return failed(said, answer.status);
}

export async function dispatchDueWebhooks(opts: WebhookDispatchOptions): Promise<WebhookDispatchResult> {
  return opts.sql.begin(async (tx) => {
    const rows = await tx<ClaimedRow[]>`
      select id, effect_key, url, method, headers, body, signing_secret, attempts
      from webhook_outbox
      where status = 'pending' and next_attempt_at <= ${opts.now}
      order by next_attempt_at
      limit ${opts.batchSize ?? 20}
      for update skip locked`;
    if (rows.length === 0) return { delivered: 0, retried: 0, failed: 0 };
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, rows.length) }, async () => {
      while (next < rows.length) outcomes.push(await deliver(rows[next++], opts));
    }));
    await writeOutcomes(tx, outcomes, opts.now);
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    return { delivered: count('delivered'), retried: count('pending'), failed: count('failed') };
  });
}

async function writeOutcomes(tx: Queryable, outcomes: Outcome[], now: Date): Promise<void> {
  const final = await tx<{ version_id: string | null; node_id: string | null; status: string }[]>`
    update webhook_outbox as w set
      status = r.status,
      attempts = w.attempts + 1,
      next_attempt_at = coalesce(r.next, w.next_attempt_at),
      last_error = r.error,
      response_status = r.code,
      delivered_at = case when r.status = 'delivered' then ${now}::timestamptz else w.delivered_at end,
      headers = case when r.status = 'pending' then w.headers
        else (select coalesce(jsonb_object_agg(name, ''), '{}'::jsonb) from jsonb_object_keys(w.headers) as name) end,
      signing_secret = case when r.status = 'pending' then w.signing_secret end
    from unnest(${outcomes.map((o) => o.id)}::uuid[], ${outcomes.map((o) => o.status)}::text[],
      ${outcomes.map((o) => o.error) as string[]}::text[], ${outcomes.map((o) => o.code) as number[]}::int[],
      ${outcomes.map((o) => o.next) as string[]}::timestamptz[]) as r(id, status, error, code, next)
    where w.id = r.id
    returning w.version_id, w.node_id, w.status`;
  // Claimed pending (FOR UPDATE), so each call reaches delivered or failed once.
  await addNodeCounts(tx, final.flatMap((r) => (r.version_id !== null && r.node_id !== null && r.status !== 'pending'
    ? [{ version: r.version_id, node: r.node_id, metric: r.status === 'delivered' ? 'delivered' : 'undelivered', n: 1 }] : [])));
}
