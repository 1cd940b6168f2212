// A template's languages through the real tRPC API: variants saved with the version (a refusal
// names the field, e.g. variants.ru.subject), every variant checked, an unchanged save making no
// version, the preview in a chosen locale or in the one the customer would get, and a test send
// recording the locale it went out in.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createTemplateSandbox } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2026-12-02T08:00:00Z'));
const templateSandbox = createTemplateSandbox();
let database: Database;
let server: ApiServer;
let marketer: ApiClient;

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const main = { subject: 'Thanks, {{ customer.firstName }}', preheader: 'Thank you', body: body('Total {{ order.total | money }}') };
const sr = { subject: 'Хвала, {{ customer.firstName }}', preheader: 'Хвала', body: body('Укупно {{ order.total | money }}') };
const ru = { subject: 'Спасибо, {{ customer.firstName }}', preheader: '', body: body('Итого {{ order.total | money }}') };

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret, settings) values
    ('ws_l', 'Sjaj', 's', ${sql.json({ shop: { url: 'https://sjaj.example', locale: 'sr-Cyrl', currency: 'RSD' } })})`;
  await sql`insert into customers (workspace_id, id, email, first_name, locale) values
    ('ws_l', 'c_ru', 'olga@example.ru', 'Ольга', 'ru-RU'), ('ws_l', 'c_de', 'jonas@example.de', 'Jonas', 'de-DE')`;
  await sql`insert into orders (workspace_id, id, customer_id, total, currency, placed_at) values
    ('ws_l', 'o1', 'c_ru', 1234.5, 'RUB', '2026-12-01T00:00:00Z'), ('ws_l', 'o2', 'c_de', 1234.5, 'RSD', '2026-12-01T00:00:00Z')`;
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_l', email: 'm@l.test', password: 'pw-m', role: 'marketer' });
  const registry = createRegistry();
  const engine = createEngine({ database, registry, clock });
  server = await startApiServer({ database, registry, clock, templateSandbox, engine });
  marketer = await signIn(server.url, 'm@l.test', 'pw-m');
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await database?.close();
});

const fieldsOf = (err: { data: { issues?: { field: string }[] } }) => (err.data.issues ?? []).map((i) => i.field).sort();

it('saves the variants with the version, refusing bad ones by field', async () => {
  const { id } = await marketer.templates.create.mutate({ name: 'Thanks' }) as { id: string };
  const save = (content: object) => marketer.templates.save.mutate({ id, name: 'Thanks', kind: 'marketing', ...main, ...content } as never);

  const malformed = await errorOf(save({ variants: { ru: { ...ru, subject: 7 }, de: main } }));
  expect(malformed.code).toBe('BAD_REQUEST');
  expect(fieldsOf(malformed)).toEqual(['variants', 'variants.ru.subject']);
  expect(fieldsOf(await errorOf(save({ language: 'sr', variants: { sr } })))).toEqual(['variants.sr']);

  const broken = await save({ variants: { sr: { ...sr, body: body('{{ customer.frstName }}') } } });
  expect(broken).toEqual({ ok: false, issues: [{ field: 'variants.sr.body', message: 'line 1: unknown merge field "customer.frstName"' }] });

  expect(await save({ variants: { sr, ru } })).toMatchObject({ ok: true, version: 2 });
  // Saving the same texts (variants in another order) makes no new version.
  expect(await save({ variants: { ru, sr } })).toMatchObject({ ok: true, version: 2 });
  const saved = await marketer.templates.get.query({ id });
  expect(saved).toMatchObject({ language: 'en', variants: { sr, ru }, subject: main.subject });
  expect((await marketer.templates.list.query()).find((t) => t.id === id)?.languages).toEqual(['en', 'ru', 'sr']);
  expect((await marketer.templates.versions.query({ id }))[0]).toMatchObject({ version: 2, language: 'en', variants: { sr, ru } });
});

it('previews the locale asked for, else the one the customer would get, money in the order’s currency', async () => {
  const content = { ...main, language: 'en' as const, variants: { sr, ru } };
  const latin = await marketer.templates.preview.query({ ...content, customerId: 'c_ru', locale: 'sr-Latn' });
  expect(latin).toMatchObject({ ok: true, locale: 'sr-Latn', email: { subject: 'Hvala, Ольга' } });
  // Russian customer: the Russian variant, in roubles as the order was.
  const own = await marketer.templates.preview.query({ ...content, customerId: 'c_ru' });
  expect(own).toMatchObject({ ok: true, locale: 'ru', email: { subject: 'Спасибо, Ольга' } });
  expect(own.ok && own.email.text.replace(/\s/g, ' ')).toContain('Итого 1 234,50 ₽');
  // A language the template lacks (German): the shop's language, Serbian in Cyrillic.
  const shop = await marketer.templates.preview.query({ ...content, customerId: 'c_de' });
  expect(shop).toMatchObject({ ok: true, locale: 'sr-Cyrl', email: { subject: 'Хвала, Jonas' } });
  expect(shop.ok && shop.email.text.replace(/\s/g, ' ')).toContain('Укупно 1.234,50 RSD');
  expect((await errorOf(marketer.templates.preview.query({ ...content, customerId: 'c_ru', locale: 'de' as 'en' }))).code).toBe('BAD_REQUEST');
});

it('records the locale of a test send on its outbox row', async () => {
  const sent = await marketer.templates.sendTest.mutate({
    ...main, language: 'en', variants: { sr }, customerId: 'c_ru', to: 'm@l.test', templateId: null, locale: 'sr-Latn',
  });
  expect(sent).toMatchObject({ ok: true });
  const [row] = await database.sql<{ locale: string; subject: string }[]>`select locale, subject from email_outbox where id = ${(sent as { outboxId: string }).outboxId}`;
  expect(row).toEqual({ locale: 'sr-Latn', subject: '[Test] Hvala, Ольга' });
});

it('offers the starters, and names a template made from one, in the marketer’s language', async () => {
  const english = (await marketer.templates.starters.query()).find((s) => s.key === 'order-confirmation');
  expect(english).toMatchObject({ name: 'Order confirmation', languages: ['en', 'sr', 'sl', 'ru'] });
  await marketer.auth.setLocale.mutate({ locale: 'sr-Latn' });
  const serbian = (await marketer.templates.starters.query()).find((s) => s.key === 'order-confirmation');
  expect(serbian).toMatchObject({ name: 'Potvrda porudžbine', description: expect.stringMatching(/^Zahvaljuje kupcu/) });
  const made = await marketer.templates.create.mutate({ starter: 'order-confirmation' }) as { id: string };
  const template = await marketer.templates.get.query({ id: made.id });
  // Named in Serbian; its texts are every language's, English the main one.
  expect(template).toMatchObject({ name: 'Potvrda porudžbine', language: 'en', variants: { sr: expect.anything(), ru: expect.anything() } });
  const blank = await marketer.templates.create.mutate({}) as { id: string };
  expect((await marketer.templates.get.query({ id: blank.id })).name).toBe('Šablon bez naziva');
  await marketer.auth.setLocale.mutate({ locale: 'en' });
});
