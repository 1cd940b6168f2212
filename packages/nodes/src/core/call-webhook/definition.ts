import { defineNodeType, next, NodeError, type ExecContext } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { webhookService } from './service';
import { bodyTemplateProblem, renderBodyTemplate, type WebhookData } from './template';
import { summaries, translations } from './translations';

// The engine sets these itself; a marketer's value would break framing or forge the signature.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te',
  'trailer', 'expect', 'content-type', 'idempotency-key', 'x-afterglow-signature', 'proxy-authorization']);

// http:// only for a receiver on this machine (development); its address is still refused at
// send time unless the server allows private targets (AFTERGLOW_WEBHOOK_ALLOW_PRIVATE).
const isLoopbackName = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';

function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address such as https://hooks.example.com/afterglow';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address must start with https://';
  if (url.username || url.password) return 'Put credentials in a header, not in the address';
  if (url.protocol === 'http:' && !isLoopbackName(url.hostname)) return 'Use https:// (http:// only reaches a development receiver on this machine)';
  return null;
}

const header = z.object({
  name: z.string().trim().min(1, 'Name the header').max(100)
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'A header name has only letters, digits and - _ . (no spaces or colons)')
    .refine((n) => !RESERVED_HEADERS.has(n.toLowerCase()), 'Afterglow sets this header itself')
    .meta({ label: 'Name' }),
  // Often a credential (Authorization: Bearer …): every value is kept as a secret.
  value: z.string().max(2_000, 'Keep the value under 2,000 characters').refine((v) => !/[\r\n\0]/.test(v), 'The value must be a single line')
    .meta({ label: 'Value', widget: 'secret' }),
});

const config = z.object({
  url: z.string().trim().min(1, 'Enter the address to call').max(2_000, 'Keep the address under 2,000 characters')
    .superRefine((u, ctx) => { const p = urlProblem(u); if (p) ctx.addIssue({ code: 'custom', message: p }); })
    // The headers and the signing secret go here: a stored secret is kept only while the origin stays.
    .meta({ label: 'URL', secretTarget: true, help: 'https:// address of the receiver; private and internal addresses are refused' }),
  method: z.enum(['POST', 'PUT', 'PATCH']).meta({
    label: 'Method', widget: 'select',
    options: [{ value: 'POST', label: 'POST' }, { value: 'PUT', label: 'PUT' }, { value: 'PATCH', label: 'PATCH' }],
  }),
  body: z.string().min(1, 'Write the JSON to send').max(100_000, 'Keep the body under 100,000 characters')
    .superRefine((b, ctx) => { const p = bodyTemplateProblem(b); if (p) ctx.addIssue({ code: 'custom', message: p }); })
    .meta({ label: 'Body (JSON)', widget: 'json',
      help: 'Merge fields such as {{ customer.email }}, {{ event.order_id }}, {{ coupon.code }} (values are JSON-escaped); filters: default, upcase, downcase, strip' }),
  headers: z.array(header).max(20, 'At most 20 headers')
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((h, i) => {
        if (seen.has(h.name.toLowerCase())) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${h.name} is set twice` });
        seen.add(h.name.toLowerCase());
      });
    })
    .meta({ label: 'Headers', help: 'e.g. Authorization: Bearer …' }),
  secret: z.string().trim().max(200, 'Keep the secret under 200 characters')
    .refine((s) => s === '' || s.length >= 16, 'Use at least 16 characters (or none: unsigned)')
    .meta({ label: 'Signing secret', widget: 'secret', help: 'Signs each call: X-Afterglow-Signature: t=…,v1=HMAC-SHA256(secret, t.body)' }),
});
export type CallWebhookConfig = z.output<typeof config>;

/** What the body's merge fields read: the customer, the trigger event's properties, the run's coupon. */
function mergeData(ctx: ExecContext): WebhookData {
  const c = ctx.customer;
  const coupon = ctx.run.context.coupon;
  return {
    customer: { id: c.id, email: c.email, firstName: c.firstName, lastName: c.lastName,
      fullName: [c.firstName, c.lastName].filter(Boolean).join(' '), timezone: c.timezone, birthday: c.birthday, attributes: c.attributes },
    event: ctx.run.trigger?.properties ?? {},
    coupon: coupon && typeof coupon === 'object' ? (coupon as Record<string, unknown>) : null,
  };
}

export const callWebhook = defineNodeType({
  id: 'core/call-webhook',
  version: 1,
  category: 'action',
  config,
  defaults: {
    url: 'https://hooks.example.com/afterglow',
    method: 'POST',
    body: '{\n  "customer": { "id": "{{ customer.id }}", "email": "{{ customer.email }}", "name": "{{ customer.fullName }}" },\n  "event": {{ event }}\n}',
    headers: [],
    secret: '',
  },
  ui: {
    label: 'Call webhook',
    description: 'Sends a signed JSON request to another system (a CRM, Slack, your own app), retried until it is delivered.',
    icon: 'webhook',
    color: 'slate',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  // 'undelivered', as for emails: the card's own 'failed' counts runs that failed in the step.
  counters: [{ id: 'delivered', label: 'Delivered', tone: 'good' }, { id: 'undelivered', label: 'Undelivered', tone: 'bad' }],
  execute: async (ctx, c) => {
    let body: string;
    try {
      body = renderBodyTemplate(c.body, mergeData(ctx));
    } catch (err) {
      // Only a version published before a check existed can get here: a config error, not retried.
      throw new NodeError(`The webhook body cannot be rendered: ${(err as Error).message}`, { code: 'config', field: 'body' });
    }
    // One call per (run, node): delivered after the step commits, signed, retried (service.ts).
    await ctx.enqueue(webhookService, {
      url: c.url, method: c.method, body,
      headers: c.headers.map((h) => ({ name: h.name, value: h.value })),
      ...(c.secret ? { signingSecret: c.secret } : {}),
    });
    return next();
  },
  translations,
});
