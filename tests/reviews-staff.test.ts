// The staff side of reviews through the real procedures (as the workspace's owner), on reviews
// written on the hosted page and imported from a real CSV (Cyrillic, quoted commas and quotes,
// CRLF, bad rows): the list's filters and keyset pages, the counts, publishing and hiding many
// at once, a reply stored with who and when and emailed to the customer in their language
// through the outbox, and an import that reports each bad row in the reader's language and
// never duplicates on re-import.
import { appRouter, type TrpcContext } from '@afterglow/api';
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unusedTemplateSandbox } from './support/api-client';

const csv = readFileSync(new URL('./fixtures/reviews/import.csv', import.meta.url), 'utf8');
const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

let t: JourneyTest;

const post = (url: string, form: Record<string, string>) => fetch(url, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
});

async function reviewOrder(customer: string, orderId: string, form: Record<string, string>) {
  await t.track(customer, 'Order Completed', {
    order_id: orderId, total: 95, currency: 'EUR',
    products: [{ product_id: 'boot', name: 'Trail boot', price: 80, quantity: 1 }, { product_id: 'wax', name: 'Boot wax', price: 15, quantity: 1 }],
  });
  await t.settle();
  const mail = t.emails().filter((m) => m.html.includes(`/r/`)).at(-1)!;
  const link = /<span class="order">([^<]+)<\/span>/.exec(mail.html)![1];
  expect((await post(link, form)).status).toBe(200);
  t.clock.set(new Date(t.now().getTime() + 60_000));
}

/** The owner again, as a caller whose language is Russian. */
async function russianOwner() {
  const { can: _, ...owner } = (await t.api.auth.me())!;
  const res = { setHeader: () => res, getHeader: () => undefined } as unknown as TrpcContext['res'];
  const deps = { database: t.database, registry: t.registry, clock: t.clock, engine: t.engine, templateSandbox: unusedTemplateSandbox };
  return appRouter.createCaller({ deps, user: { ...owner, locale: 'ru' }, sessionToken: undefined, clientAddress: '127.0.0.1', res });
}

const list = (filter: Parameters<JourneyTest['api']['reviews']['list']>[0] = {}) => t.api.reviews.list(filter);

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  await t.settings({ shop: { name: 'Lumen & Co', url: 'https://lumen.example.com', locale: 'en' } });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(sendEmail, { subject: 'How was it?', preheader: '', kind: 'transactional', body: mjml('<span class="order">{{ order.reviewUrl }}</span>') }));
  await t.identify('ana', { email: 'ana@example.com', firstName: 'Ана', locale: 'ru' });
  await t.identify('bob', { email: 'bob@example.com', firstName: 'Bob' });
  await reviewOrder('ana', 'o-1', { rating_0: '1', text_0: 'Порвались через неделю <b>совсем</b>', rating_1: '5', text_1: '' });
  await reviewOrder('bob', 'o-2', { rating_0: '4', text_0: 'Solid boots', rating_1: '2', text_1: 'Too greasy' });
}, 120_000);
afterAll(() => t?.close());

it('imports a real CSV: good rows published, each bad row named by row and field, duplicates skipped', async () => {
  const result = await t.api.reviews.import({ csv });
  expect(result).toMatchObject({ rows: 9, imported: 4, duplicates: 1, errorCount: 4 });
  expect(result.errors.map((e) => [e.row, e.field])).toEqual([[5, 'rating'], [6, 'productId'], [7, 'authorEmail'], [8, 'date']]);
  expect(result.errors[0].message).toBe('Row 5: the rating must be a whole number from 1 to 5');
  const imported = await t.database.sql<{ text: string; status: string; source: string; order_id: string | null; customer_id: string | null; created_at: Date }[]>`
    select text, status, source, order_id, customer_id, created_at from reviews where workspace_id = ${t.workspaceId} and source = 'import' order by created_at`;
  expect(imported.map((r) => r.text)).toEqual([
    'Растаял в рюкзаке; половина банки пропала', 'Good wax, smells of pine "forest"', 'Tight at the toe, returned them', 'Удобные, лёгкие, не промокают',
  ]);
  expect(imported.every((r) => r.status === 'published' && r.order_id === null)).toBe(true);
  expect(imported[0].created_at.toISOString()).toBe('2025-08-20T15:45:00.000Z');
  expect(imported[1].created_at.toISOString()).toBe('2025-10-05T00:00:00.000Z');
  // The author's email finds the customer, whatever its case.
  expect(imported[2].customer_id).toBe('ana');

  // Again, in Russian: nothing new, the same problems in the reader's language.
  const again = await (await russianOwner()).reviews.import({ csv });
  expect(again).toMatchObject({ imported: 0, duplicates: 5, errorCount: 4 });
  expect(again.errors[3].message).toContain('Строка 8: дата не указана');
});

it('refuses a file without the needed columns, and bad input naming the field', async () => {
  const result = await t.api.reviews.import({ csv: 'sku_name;stars\nboot;5\n' });
  expect(result).toMatchObject({ imported: 0, errors: [{ row: 1, field: 'productId' }] });
  await expect(list({ minRating: 4, maxRating: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('maxRating') });
  await expect(t.api.reviews.setStatus({ ids: [], status: 'published' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  await expect(t.api.reviews.reply({ id: '00000000-0000-4000-8000-000000000000', text: 'Hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

it('lists newest first, filtered in SQL, page by page without gaps or repeats', async () => {
  const all = await list({ limit: 100 });
  expect(all.items).toHaveLength(8);
  const dates = all.items.map((r) => r.createdAt);
  expect([...dates].sort().reverse()).toEqual(dates);
  // Bob's two, written together, come first (ties broken by id, the keyset's second column).
  expect(all.items.slice(0, 2).map((r) => [r.productName, r.customerName, r.orderId, r.status, r.needsAttention]).sort()).toEqual([
    ['Boot wax', 'Bob', 'o-2', 'new', true], ['Trail boot', 'Bob', 'o-2', 'new', false]]);

  const pages: string[] = [];
  let cursor = null as Awaited<ReturnType<typeof list>>['nextCursor'];
  do {
    const page = await list({ limit: 3, cursor });
    pages.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(pages).toEqual(all.items.map((r) => r.id));

  expect((await list({ status: 'new' })).items).toHaveLength(4);
  expect((await list({ minRating: 1, maxRating: 2 })).items.map((r) => r.rating)).toEqual([2, 1, 2, 1]);
  expect((await list({ needsAttention: true })).items.map((r) => r.text)).toEqual(
    ['Too greasy', 'Порвались через неделю <b>совсем</b>', 'Tight at the toe, returned them', 'Растаял в рюкзаке; половина банки пропала']);
  expect((await list({ search: 'РЮКЗАК' })).items.map((r) => r.authorName)).toEqual(['Олег']);
  expect((await list({ search: '100%' })).items).toEqual([]);
  expect((await list({ productId: 'wax', status: 'published' })).items).toHaveLength(2);
  expect((await list({ customerId: 'ana' })).items.map((r) => r.source)).toEqual(['page', 'page', 'import']);
});

it('publishes and hides many at once, and counts them on top', async () => {
  const fresh = (await list({ status: 'new' })).items.map((r) => r.id);
  expect(await t.api.reviews.setStatus({ ids: fresh, status: 'published' })).toEqual({ updated: 4 });
  expect(await t.api.reviews.setStatus({ ids: fresh.slice(0, 1), status: 'hidden' })).toEqual({ updated: 1 });
  expect(await t.api.reviews.summary()).toEqual({ total: 8, new: 0, published: 7, hidden: 1, needsAttention: 4, averageRating: 3 });
  const [audit] = await t.database.sql<{ n: number }[]>`
    select count(*)::int as n from audit_log where workspace_id = ${t.workspaceId} and action = 'reviews.setStatus'`;
  expect(audit.n).toBe(2);
});

it('replies, and emails the reply to the customer in their language, escaped, through the outbox', async () => {
  const [bad] = (await list({ customerId: 'ana', maxRating: 1 })).items;
  const saved = await t.api.reviews.reply({ id: bad.id, text: 'Простите! Мы заменим их <бесплатно>.', email: true });
  expect(saved.outboxId).toBeTruthy();
  await t.settle();
  const [mail] = t.emails('ana@example.com').filter((m) => m.subject.includes('ответил'));
  expect(mail.subject).toBe('Lumen & Co ответил на ваш отзыв о товаре «Trail boot»');
  expect(mail.headers.from).toBe('"Lumen & Co" <shop@afterglow.local>');
  expect(mail.text).toContain('Здравствуйте, Ана!');
  expect(mail.text).toContain('Ваш отзыв (1 из 5 звёзд):');
  expect(mail.html).toContain('Порвались через неделю &lt;b&gt;совсем&lt;/b&gt;');
  expect(mail.html).toContain('Мы заменим их &lt;бесплатно&gt;.');
  const [after] = (await list({ customerId: 'ana', maxRating: 1 })).items;
  expect(after).toMatchObject({ reply: 'Простите! Мы заменим их <бесплатно>.', repliedBy: 'Journey test', needsAttention: false });
  expect(after.replyEmailedAt).toBe(after.repliedAt);
  expect((await t.api.reviews.summary()).needsAttention).toBe(3);

  // An imported review without an email: the reply is kept only when it need not be sent.
  const [oleg] = (await list({ search: 'Олег' })).items;
  await expect(t.api.reviews.reply({ id: oleg.id, text: 'Sorry', email: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  expect((await t.api.reviews.reply({ id: oleg.id, text: 'Sorry' })).outboxId).toBeNull();
});

it('erases with the customer the reviews imported under their address before they were a customer', async () => {
  await t.api.reviews.import({ csv: 'product_id,rating,text,email,date\nwax,3,Fine,Zoe@Example.com,2025-01-02\n' });
  await t.identify('zoe', { email: 'zoe@example.com' });
  expect(JSON.stringify(await t.api.customers.export({ id: 'zoe' }))).toContain('Zoe@Example.com');
  await t.api.customers.erase({ id: 'zoe', confirm: 'zoe' });
  const [left] = await t.database.sql<{ n: number }[]>`
    select count(*)::int as n from reviews where workspace_id = ${t.workspaceId} and author_email = 'Zoe@Example.com'`;
  expect(left.n).toBe(0);
});
