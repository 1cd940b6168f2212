// Refusals in the reader's language: a signed-in user who picked Russian or Serbian (Latin)
// gets zod's messages, the schemas' own messages and the API's domain errors in it, each still
// beside its field; without a pick the request's Accept-Language decides; a language Afterglow
// does not speak gets English, word for word as before.
import { createEngine, ManualClock } from '@afterglow/engine';
import type { Database } from '@afterglow/db';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, unusedTemplateSandbox, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

let db: Database;
let server: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_l', 'Shop', 's')`;
  for (const id of ['ru', 'sr', 'de', 'sl', 'kk']) {
    await seedUser(db, { id: `u_${id}`, workspaceId: 'ws_l', email: `${id}@l.test`, password: `pw-${id}`, role: 'admin' });
  }
  await seedUser(db, { id: 'u_viewer', workspaceId: 'ws_l', email: 'viewer@l.test', password: 'pw-viewer', role: 'viewer' });
  // A language no version of Afterglow offered, as a hand-edited row would hold it.
  await db.sql`update users set locale = 'kk' where id = 'u_kk'`;
  const registry = createRegistry();
  const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
  const engine = createEngine({ database: db, registry, clock });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox: unusedTemplateSandbox });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function signedIn(who: string, acceptLanguage: string, locale?: 'ru' | 'sr-Latn'): Promise<ApiClient> {
  const { trpc } = apiClient(server.url, { 'accept-language': acceptLanguage });
  await trpc.auth.login.mutate({ email: `${who}@l.test`, password: `pw-${who}` });
  if (locale) await trpc.auth.setLocale.mutate({ locale });
  return trpc;
}

interface Refused { code: string; message: string; data: { issues: { field: string; message: string }[] | null; field: string | null } }

/** What a person reads of each refusal: the code, each field's message, and the message the web app shows. */
async function refusals(api: ApiClient) {
  const shown = (e: Refused) => (e.message.startsWith('[') ? (JSON.parse(e.message) as { message: string }[]).map((i) => i.message) : [e.message]);
  const badUrl = await errorOf(api.shop.save.mutate({ name: 'Trail', url: 'http://shop.test' })) as Refused;
  const noName = await errorOf(api.shop.save.mutate({ name: '  ', url: 'https://trail.example' })) as Refused;
  const tooFew = await errorOf(api.customers.list.query({ limit: 0 })) as Refused;
  const missing = await errorOf(api.journeys.get.query({ id: 'j_gone' })) as Refused;
  return {
    codes: [badUrl.code, noName.code, tooFew.code, missing.code],
    url: badUrl.data.issues,
    name: noName.data.issues,
    shownName: shown(noName),
    limit: tooFew.data.issues,
    missing: { message: missing.message, field: missing.data.field },
  };
}

it('answers a Russian user in Russian, naming each field', async () => {
  const ru = await refusals(await signedIn('ru', 'en-US,en;q=0.9', 'ru'));
  expect(ru).toEqual({
    codes: ['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'NOT_FOUND'],
    url: [{ field: 'url', message: 'Адрес сайта магазина должен начинаться с https, например https://shop.example.com' }],
    name: [{ field: 'name', message: 'Название магазина не может быть пустым' }],
    shownName: ['Название магазина не может быть пустым'],
    limit: [{ field: 'limit', message: 'Не меньше 1' }],
    missing: { message: 'Сценарий j_gone не найден', field: 'id' },
  });
});

it('answers a Serbian Latin user in Latin script', async () => {
  const sr = await refusals(await signedIn('sr', 'sl', 'sr-Latn'));
  expect(sr).toEqual({
    codes: ['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'NOT_FOUND'],
    url: [{ field: 'url', message: 'Veb-adresa prodavnice mora da počinje sa https, npr. https://shop.example.com' }],
    name: [{ field: 'name', message: 'Naziv prodavnice ne sme biti prazan' }],
    shownName: ['Naziv prodavnice ne sme biti prazan'],
    limit: [{ field: 'limit', message: 'Najmanje 1' }],
    missing: { message: 'Tok j_gone ne postoji', field: 'id' },
  });
  expect(JSON.stringify(sr)).not.toMatch(/\p{Script=Cyrillic}/u);
});

it('answers in English, as before, a user whose language Afterglow does not speak', async () => {
  const english = await refusals(await signedIn('de', 'de-DE,de;q=0.9'));
  expect(await refusals(await signedIn('kk', 'kk-KZ'))).toEqual(english);
  expect(english).toEqual({
    codes: ['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'NOT_FOUND'],
    url: [{ field: 'url', message: 'Shop URL must be an https address such as https://shop.example.com' }],
    name: [{ field: 'name', message: 'Shop name must not be empty' }],
    shownName: ['Shop name must not be empty'],
    limit: [{ field: 'limit', message: 'Too small: expected number to be >=1' }],
    missing: { message: 'Journey j_gone does not exist', field: 'id' },
  });
});

it('follows Accept-Language when the user picked no language, and before sign-in', async () => {
  const sl = await refusals(await signedIn('sl', 'de;q=0.9, sl-SI'));
  expect(sl.name).toEqual([{ field: 'name', message: 'Ime trgovine ne sme biti prazno' }]);
  expect(sl.missing.message).toBe('Potek j_gone ne obstaja');
  const { trpc: stranger } = apiClient(server.url, { 'accept-language': 'ru-RU' });
  expect((await errorOf(stranger.auth.login.mutate({ email: 'ru@l.test', password: 'wrong' }))).message).toBe('Неверный адрес эл. почты или пароль');
  expect((await errorOf(stranger.journeys.list.query())).message).toBe('Войдите, чтобы продолжить');
  const viewer = await signedIn('viewer', 'sr-RS');
  expect(await errorOf(viewer.shop.save.mutate({ name: 'Trail', url: 'https://trail.example' }))).toMatchObject({
    code: 'FORBIDDEN', message: 'Корисник viewer@l.test је посматрач и не може да позове shop.save',
  });
});

it('keeps each caller\'s language when calls of several languages run at once', async () => {
  const [ru, sr] = [await signedIn('ru', 'en'), await signedIn('sr', 'en')];
  const calls = Array.from({ length: 6 }, (_, i) => (i % 2 ? sr : ru).customers.list.query({ limit: 0 }).catch((e: Refused) => e.data.issues?.[0].message));
  expect(await Promise.all(calls)).toEqual(['Не меньше 1', 'Najmanje 1', 'Не меньше 1', 'Najmanje 1', 'Не меньше 1', 'Najmanje 1']);
});
