// The recipients' pages in the customer's language, through the real HTTP front door: the
// customer's locale, else the shop's default language, else English; for a link that names
// nobody, the browser's Accept-Language; the page's own ?lang= switch above all. One-click
// unsubscribe (RFC 8058) works as before whatever the language.
import { signToken } from '@afterglow/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startRig, WS, type Rig } from './support/compliance';

let rig: Rig;
const SECRET = 'secret'; // seedWorkspace's signing_secret
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  rig = await startRig([
    { id: 'milica', email: 'milica@example.rs', firstName: 'Милица' },
    { id: 'jana', email: 'jana@example.si', firstName: 'Jana' },
    { id: 'olga', email: 'olga@example.ru', firstName: 'Ольга' },
    { id: 'nolocale', email: 'no@example.com', firstName: 'No' },
    { id: 'german', email: 'de@example.de', firstName: 'Jonas' },
  ]);
  await rig.db.sql`update customers set locale = v.locale from (values ('milica', 'sr-RS'), ('jana', 'sl-SI'), ('olga', 'ru'), ('german', 'de-AT')) as v(id, locale)
    where workspace_id = ${WS} and customers.id = v.id`;
});
afterAll(async () => { await rig?.close(); });

const u = (customer: string) => `/u/${signToken(SECRET, { t: 'u', w: WS, c: customer })}`;
const p = (customer: string) => `/p/${signToken(SECRET, { t: 'p', w: WS, c: customer })}`;
const langOf = (body: string) => /<html lang="([^"]+)">/.exec(body)?.[1];
const setShopLanguage = (locale: string | null) => rig.db.sql`
  update workspaces set settings = jsonb_set(settings, '{shop}', ${locale ? rig.db.sql.json({ locale }) : rig.db.sql.json({})}) where id = ${WS}`;

describe('a known customer', () => {
  it('reads the unsubscribe page in their locale, Serbian in Cyrillic for sr-RS', async () => {
    const page = await rawRequest(rig.base, u('milica'), { 'accept-language': 'en-US,en;q=0.9' });
    expect(page.status).toBe(200);
    expect(langOf(page.body)).toBe('sr-Cyrl');
    expect(page.body).toContain('<h1>Желите да се одјавите са наше имејл листе?</h1>');
    expect(page.body).toContain('на адресу m•••@example.rs');
    expect(page.body).toMatch(/<button type="submit" data-testid="unsubscribe">Одјави ме<\/button>/);
    expect(page.body).toMatch(/<a href="\/p\/[^"?]+">изаберите које имејлове желите да добијате<\/a>/);
  });

  it('reads the preference page in Slovenian, its topics too', async () => {
    const page = await rawRequest(rig.base, p('jana'));
    expect(langOf(page.body)).toBe('sl');
    expect(page.body).toContain('<title>Nastavitve e-pošte</title>');
    expect(page.body).toContain('<b>Ponudbe in akcije</b><span>Popusti in razprodaje, največ enkrat na teden</span>');
    const saved = await rawRequest(rig.base, p('jana'), FORM, 'POST', 'marketing=on&topic_offers=on');
    expect(saved.body).toContain('<div class="note" role="status">Vaše nastavitve so shranjene.</div>');
    expect((await rig.db.sql`select topics from customer_preferences where customer_id = 'jana'`)[0].topics)
      .toEqual({ offers: true, new_products: false, reviews: false, loyalty: false });
  });

  it('is unsubscribed by a one-click POST exactly as before, answered in Russian', async () => {
    const first = await rawRequest(rig.base, u('olga'), FORM, 'POST', 'List-Unsubscribe=One-Click');
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(langOf(first.body)).toBe('ru');
    expect(first.body).toContain('<h1>Вы отписались от рассылки</h1>');
    const again = await rawRequest(rig.base, u('olga'), FORM, 'POST', 'List-Unsubscribe=One-Click');
    expect(again.status).toBe(200);
    expect(await rig.db.sql`select action, source from consent_ledger where customer_id = 'olga'`).toEqual([{ action: 'opt_out', source: 'one_click' }]);
    const later = await rawRequest(rig.base, u('olga'));
    expect(later.body).toContain('Мы не присылаем рекламные письма на адрес o•••@example.ru.');
    expect(later.body).toContain('Передумали? <a href="/p/');
  });

  it('without a locale (or one Afterglow does not speak) reads the shop\'s default language, not the browser\'s', async () => {
    expect(langOf((await rawRequest(rig.base, u('nolocale'), { 'accept-language': 'ru' })).body)).toBe('en');
    expect(langOf((await rawRequest(rig.base, u('german'), { 'accept-language': 'ru' })).body)).toBe('en');
    await setShopLanguage('sl');
    try {
      const page = await rawRequest(rig.base, u('nolocale'), { 'accept-language': 'ru' });
      expect(langOf(page.body)).toBe('sl');
      expect(page.body).toContain('Se želite odjaviti od naših e-novic?');
      expect(langOf((await rawRequest(rig.base, u('german'))).body)).toBe('sl');
      expect(langOf((await rawRequest(rig.base, u('milica'))).body)).toBe('sr-Cyrl');
    } finally {
      await setShopLanguage(null);
    }
  });

  it('switches language with ?lang=, and the link to the preference page keeps it', async () => {
    const page = await rawRequest(rig.base, `${u('milica')}?lang=sr-Latn`);
    expect(langOf(page.body)).toBe('sr-Latn');
    expect(page.body).toContain('Želite da se odjavite sa naše imejl liste?');
    expect(page.body).toMatch(/<a href="\/p\/[^"?]+\?lang=sr-Latn">izaberite koje imejlove želite da dobijate<\/a>/);
    // The switch lists every language, the current one unlinked.
    expect(page.body).toContain('<span aria-current="true" lang="sr-Latn">Srpski (latinica)</span>');
    expect(page.body).toContain('<a href="?lang=ru" lang="ru" hreflang="ru">Русский</a>');
    const prefs = await rawRequest(rig.base, `${p('milica')}?lang=ru`);
    expect(langOf(prefs.body)).toBe('ru');
    // Not a language Afterglow speaks (or not a tag at all): the customer's own.
    for (const lang of ['de', '"><script>', '']) {
      expect(langOf((await rawRequest(rig.base, `${u('milica')}?lang=${encodeURIComponent(lang)}`)).body), lang).toBe('sr-Cyrl');
    }
  });
});

describe('a link that names nobody', () => {
  it('answers a bad token in the browser\'s language', async () => {
    const bad = u('milica').replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    const ru = await rawRequest(rig.base, bad, { 'accept-language': 'ru-RU,ru;q=0.9,en-US;q=0.8' });
    expect(ru.status).toBe(400);
    expect(langOf(ru.body)).toBe('ru');
    expect(ru.body).toContain('<h1>Эта ссылка недействительна</h1>');
    expect(langOf((await rawRequest(rig.base, bad, { 'accept-language': 'de-DE, en;q=0.2, sl;q=0.5' })).body)).toBe('sl');
    expect(langOf((await rawRequest(rig.base, bad, { 'accept-language': 'sr' })).body)).toBe('sr-Cyrl');
    expect(langOf((await rawRequest(rig.base, bad, { 'accept-language': 'sr-Latn-RS,sr;q=0.8' })).body)).toBe('sr-Latn');
    expect(langOf((await rawRequest(rig.base, bad, { 'accept-language': ';;;,*,q=x' })).body)).toBe('en');
    expect(langOf((await rawRequest(rig.base, bad)).body)).toBe('en');
  });

  it('answers an unknown path and an erased customer in the browser\'s language, else the shop\'s', async () => {
    const missing = await rawRequest(rig.base, '/u/', { 'accept-language': 'sl' });
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<h1>Strani ni mogoče najti</h1>');
    const gone = await rawRequest(rig.base, p('erased'), { 'accept-language': 'sr-RS' });
    expect(gone.body).toContain('<h1>Нема шта да се подешава</h1>');
    await setShopLanguage('ru');
    try {
      expect(langOf((await rawRequest(rig.base, p('erased'), { 'accept-language': 'de' })).body)).toBe('ru');
    } finally {
      await setShopLanguage(null);
    }
  });

  it('answers a click on a link no longer recorded in the language of the email\'s customer', async () => {
    await rig.order('jana', 'o-jana');
    await rig.dispatch();
    const [mail] = await rig.db.sql`select id from email_outbox where customer_id = 'jana' and node_id = 'mail'`;
    const res = await rawRequest(rig.base, `/t/c/${signToken(SECRET, { t: 'c', w: WS, o: mail.id, i: 999 })}`, { 'accept-language': 'ru' });
    expect(res.status).toBe(404);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('<h1>Ta povezava ni več na voljo</h1>');
  });
});
