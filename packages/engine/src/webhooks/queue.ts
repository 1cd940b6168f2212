// The webhooks service of a step and the batch's write of what it queued: one
// webhook_outbox row per (run, node), inserted with one set-based statement in the batch's
// transaction, so the step and its call commit together or not at all. Header values and the
// signing secret are stored sealed; the dispatcher opens them to send.
import type { Queryable, SecretBox } from '@afterglow/db';
import { NodeError, type CustomerSnapshot, type Services } from '@afterglow/node-sdk';
import { z } from 'zod';
import type { RunRow } from '../types';

export interface WebhookRow {
  workspace_id: string;
  effect_key: string;
  run_id: string;
  journey_id: string;
  version_id: string;
  node_id: string;
  customer_id: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  signing_secret: string | null;
  next_attempt_at: string;
  created_at: string;
}

// Node types (built in or third party) reach here: what they ask for is checked, not trusted.
const requestSchema = z.object({
  url: z.string().max(2_000).refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL'),
  method: z.enum(['POST', 'PUT', 'PATCH']),
  headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/), z.string().max(2_000).regex(/^[^\r\n\0]*$/)),
  body: z.string().max(100_000).refine((b) => { try { JSON.parse(b); return true; } catch { return false; } }, 'must be valid JSON'),
  signingSecret: z.string().min(1).max(200).optional(),
});

export function webhookService(
  run: RunRow, nodeId: string, customer: CustomerSnapshot, effectKey: string, now: Date,
  buffer: WebhookRow[], detail: Record<string, unknown>,
): Services['webhooks'] {
  let queued = false;
  return {
    async call(request) {
      const parsed = requestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new NodeError(`Webhook ${issue.path.join('.')} ${issue.message}`, { code: 'config', field: issue.path.join('.') });
      }
      // One call per (run, node), like every effect: a second call in the same step is the first one.
      if (queued) return;
      queued = true;
      const r = parsed.data;
      buffer.push({
        workspace_id: run.workspaceId, effect_key: effectKey, run_id: run.id, journey_id: run.journeyId,
        version_id: run.versionId, node_id: nodeId, customer_id: customer.id, url: r.url, method: r.method,
        headers: r.headers, body: r.body, signing_secret: r.signingSecret ?? null,
        next_attempt_at: now.toISOString(), created_at: now.toISOString(),
      });
      detail.webhook = 'queued';
    },
  };
}

/** The row as stored: every header value and the signing secret sealed. */
function sealWebhookRow(row: WebhookRow, secrets: SecretBox): WebhookRow {
  return {
    ...row,
    headers: Object.fromEntries(Object.entries(row.headers).map(([name, value]) => [name, secrets.seal(value)])),
    signing_secret: row.signing_secret === null ? null : secrets.seal(row.signing_secret),
  };
}

export async function writeWebhooks(tx: Queryable, secrets: SecretBox, buffer: WebhookRow[]): Promise<void> {
  if (buffer.length === 0) return;
  // Sorted: batches inserting side by side take their index locks in one order.
  const rows = [...buffer].sort((a, b) => (a.effect_key < b.effect_key ? -1 : a.effect_key > b.effect_key ? 1 : 0))
    .map((row) => sealWebhookRow(row, secrets));
  const column = <K extends keyof WebhookRow>(key: K) => rows.map((r) => r[key] ?? null) as never;
  // A row already there (a retried batch) stays as it is: the call happens once.
  await tx`
    insert into webhook_outbox (workspace_id, effect_key, run_id, journey_id, version_id, node_id, customer_id, url, method,
      headers, body, signing_secret, next_attempt_at, created_at)
    select * from unnest(${column('workspace_id')}::text[], ${column('effect_key')}::text[], ${column('run_id')}::uuid[],
      ${column('journey_id')}::text[], ${column('version_id')}::text[], ${column('node_id')}::text[], ${column('customer_id')}::text[],
      ${column('url')}::text[], ${column('method')}::text[], ${rows.map((r) => r.headers) as never}::jsonb[],
      ${column('body')}::text[], ${column('signing_secret')}::text[], ${column('next_attempt_at')}::timestamptz[],
      ${column('created_at')}::timestamptz[])
    on conflict (workspace_id, effect_key) do nothing`;
}
