// The shop a playbook test opens (tests/playbook-*.test.ts): the whole harness on a manual clock,
// and the words those tests use to say what a marketer builds and what a customer receives.
import { createJourneyTest, type JourneyTest, type JourneyTestOptions } from '@afterglow/testing';
import { afterEach } from 'vitest';

/** The running test's shop (each test opens its own with `shop()`). */
export let t: JourneyTest;
let open: JourneyTest | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** A shop opened on Monday 2 March 2026, 09:00 UTC (or as given). */
export async function shop(opts: JourneyTestOptions = {}): Promise<void> {
  t = open = await createJourneyTest({ start: '2026-03-02T09:00:00Z', ...opts });
}
/** A customer who agreed to marketing email, at `<id>@example.com`. */
export const customer = (id: string, traits: Record<string, unknown> = {}) =>
  t.identify(id, { email: `${id}@example.com`, firstName: id[0].toUpperCase() + id.slice(1), marketing_consent: true, ...traits });
/** An email body as the editor saves it: MJML around the marketer's text (Liquid allowed). */
export const mjml = (text: string, button?: { label: string; href: string }) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text>${
  button ? `<mj-button href="${button.href}">${button.label}</mj-button>` : ''}</mj-column></mj-section></mj-body></mjml>`;
export const email = (subject: string, text: string, more: Record<string, unknown> = {}) => ({ subject, body: mjml(text), ...more });
/** What `id` received: [subject, text with spaces collapsed, without the unsubscribe footer of marketing email]. */
export const inbox = (id: string) => t.emails(`${id}@example.com`)
  .map((e) => [e.subject, e.text.replace(/\s+/g, ' ').replace(/ -- Unsubscribe: .*$/, '').trim()]);
export const subjects = (id: string) => t.emails(`${id}@example.com`).map((e) => e.subject);
/** What `id` received and when the engine's clock sent it: [subject, ISO time] (the Date header is the machine's). */
export async function received(id: string): Promise<[string, string][]> {
  const rows = await t.database.sql<{ message_id: string; sent_at: Date }[]>`
    select message_id, sent_at from email_outbox where to_address = ${`${id}@example.com`} and status = 'sent'`;
  const sent = new Map(rows.map((r) => [r.message_id.replace(/[<>]/g, ''), r.sent_at.toISOString()]));
  return t.emails(`${id}@example.com`).map((e) => [e.subject, sent.get(e.headers['message-id'].replace(/[<>]/g, '')) ?? '?']);
}
export const order = (id: string, products: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  ({ order_id: id, total: products.reduce((s, p) => s + Number(p.price) * Number(p.quantity ?? 1), 0), currency: 'EUR', products, ...extra });
export const at = (iso: string) => new Date(iso);
/** A template made with "New from starter" on the Templates page. */
export const starter = async (key: string) => ((await t.api.templates.create({ starter: key })) as { id: string }).id;
/** Where the link labelled `label` leads, as the email's text part shows it: `label (url)`. */
export const link = (mail: { text: string }, label: string) => new RegExp(`${label} \\((\\S+)\\)`).exec(mail.text)?.[1];
