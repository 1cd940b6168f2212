// Emails in the customer's language (issue 14): one journey sends one saved template to a
// Slovenian, a Serbian Latin, a Serbian Cyrillic and an English customer through real SMTP.
// (A Serbian long date ends in a full stop: 10. децембар 2026.) Each received message is parsed: its language and script, its money in the order's (else
// the shop's) currency, its dates written as the locale writes them; the Message-ID rules are
// those of every journey email; and the outbox row records the locale that went out.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const mjml = (text: string) => `<mjml><mj-head><mj-style>.total { font-weight: bold }</mj-style></mj-head><mj-body><mj-section><mj-column>
<mj-text>${text}</mj-text>
<mj-button href="{{ shop.url }}/nalog/{{ order.id }}">{{ order.id }}</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

const texts = {
  subject: 'Your order {{ order.id }} is on its way, {{ customer.firstName }}',
  preheader: 'Arriving soon',
  body: mjml(`Hi {{ customer.firstName }}, your {{ order.itemCount | plural: '# item', '# items' }} for <span class="total">{{ order.total | money }}</span>
arrive on {{ event.delivery_date | format_date: 'long' }}.`),
};
const variants = {
  sr: {
    subject: 'Ваша поруџбина {{ order.id }} је на путу, {{ customer.firstName }}',
    preheader: 'Стиже ускоро',
    body: mjml(`Здраво {{ customer.firstName }}, ваших {{ order.itemCount | plural: '# производ', '# производа', '# производа' }} за <span class="total">{{ order.total | money }}</span>
стиже {{ event.delivery_date | format_date: 'long' }} Љубазно, ваша продавница.`),
  },
  sl: {
    subject: 'Vaše naročilo {{ order.id }} je na poti, {{ customer.firstName }}',
    preheader: 'Kmalu prispe',
    body: mjml(`Pozdravljeni {{ customer.firstName }}, vaših {{ order.itemCount | plural: '# izdelek', '# izdelka', '# izdelki', '# izdelkov' }} za <span class="total">{{ order.total | money }}</span>
prispe {{ event.delivery_date | format_date: 'long' }}.`),
  },
  ru: {
    subject: 'Ваш заказ {{ order.id }} уже в пути, {{ customer.firstName }}',
    preheader: 'Скоро будет у вас',
    body: mjml(`Здравствуйте, {{ customer.firstName }}! {{ order.itemCount | plural: '# товар', '# товара', '# товаров', '# товара' }} на сумму {{ order.total | money }}.`),
  },
};

const customers = [
  { id: 'c_sl', email: 'mojca@example.si', firstName: 'Mojca', locale: 'sl-SI', currency: 'EUR' },
  { id: 'c_lat', email: 'jelena@example.rs', firstName: 'Jelena', locale: 'sr-Latn-RS', currency: 'RSD' },
  { id: 'c_cyr', email: 'milos@example.rs', firstName: 'Милош', locale: 'sr-Cyrl-RS', currency: 'RSD' },
  { id: 'c_en', email: 'ada@example.com', firstName: 'Ada', locale: 'en-GB', currency: null },
];

let t: JourneyTest;
beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-12-02T09:00:00Z' });
  // The shop sells in dinars: an order that names no currency is in RSD.
  await t.settings({ shop: { name: 'Sjaj', url: 'https://sjaj.example', locale: 'sr-Cyrl', currency: 'RSD' } });
  const { id } = await t.api.templates.create({ name: 'Shipped' }) as { id: string };
  const saved = await t.api.templates.save({ id, name: 'Shipped', kind: 'marketing', ...texts, language: 'en', variants });
  expect(saved).toMatchObject({ ok: true, version: 2 });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Shipped', entryKeyProperty: 'order_id' })
    .then(sendEmail, { templateId: id }, { id: 'shipped' }));
  for (const c of customers) {
    await t.identify(c.id, { email: c.email, firstName: c.firstName, timezone: 'Europe/Belgrade', marketing_consent: true });
    await t.database.sql`update customers set locale = ${c.locale} where workspace_id = ${t.workspaceId} and id = ${c.id}`;
  }
  for (const c of customers) {
    await t.track(c.id, 'Order Shipped', {
      order_id: `o_${c.id}`, total: 1234.5, delivery_date: '2026-12-10', ...(c.currency ? { currency: c.currency } : {}),
      products: [{ product_id: 'p1', name: 'Šolja', price: 617.25, quantity: 2 }],
    });
  }
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

const mail = (to: string) => {
  const found = t.emails(to);
  expect(found).toHaveLength(1);
  return found[0];
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
const cyrillic = /\p{Script=Cyrillic}/u;

it('writes to each customer in their language, money and dates as their locale writes them', () => {
  const sl = mail('mojca@example.si');
  expect(sl.subject).toBe('Vaše naročilo o_c_sl je na poti, Mojca');
  expect(plain(sl.text)).toContain('vaših 2 izdelka za 1234,50 € prispe 10. december 2026.');

  const en = mail('ada@example.com');
  expect(en.subject).toBe('Your order o_c_en is on its way, Ada');
  expect(plain(en.text)).toContain('your 2 items for RSD 1,234.50 arrive on December 10, 2026.');
});

it('serves the one Serbian text in each customer’s script, leaving markup, links and merge values as they are', async () => {
  const latin = mail('jelena@example.rs');
  expect(latin.subject).toBe('Vaša porudžbina o_c_lat je na putu, Jelena');
  expect(plain(latin.text)).toContain('Zdravo Jelena, vaših 2 proizvoda za 1.234,50 RSD stiže 10. decembar 2026. Ljubazno, vaša prodavnica.');
  expect(latin.text).not.toMatch(cyrillic);
  const links = await t.database.sql<{ url: string }[]>`select url from email_links where workspace_id = ${t.workspaceId}`;
  expect(links.map((l) => l.url)).toContain('https://sjaj.example/nalog/o_c_lat');
  expect(latin.html).toContain('class="total"');

  const cyr = mail('milos@example.rs');
  expect(cyr.subject).toBe('Ваша поруџбина o_c_cyr је на путу, Милош');
  expect(plain(cyr.text)).toContain('Здраво Милош, ваших 2 производа за 1.234,50 RSD стиже 10. децембар 2026. Љубазно, ваша продавница.');
  // The preheader went through the same transliteration as the body.
  expect(latin.html).toContain('Stiže uskoro');
  // Each email says its language to mail clients and screen readers.
  expect(latin.html).toMatch(/<html lang="sr-Latn"/);
  expect(cyr.html).toMatch(/<html lang="sr-Cyrl"/);
  expect(mail('mojca@example.si').html).toMatch(/<html lang="sl"/);
  // The unsubscribe footer too.
  expect(plain(latin.text)).toMatch(/Odjavi se: http\S+ Podešavanja imejlova: http/);
  expect(cyr.html).toContain('Овај имејл добијате као купац продавнице Sjaj.');
  expect(plain(mail('mojca@example.si').text)).toContain('Odjava: http');
  expect(cyr.html).toContain('Стиже ускоро');
});

it('keeps the Message-ID rules of every journey email and records the locale that went out', async () => {
  const rows = await t.database.sql<{ to_address: string; locale: string; message_id: string; run_id: string; node_id: string }[]>`
    select to_address, locale, message_id, run_id, node_id from email_outbox where workspace_id = ${t.workspaceId} order by to_address`;
  expect(rows.map((r) => [r.to_address, r.locale])).toEqual([
    ['ada@example.com', 'en'], ['jelena@example.rs', 'sr-Latn'], ['milos@example.rs', 'sr-Cyrl'], ['mojca@example.si', 'sl'],
  ]);
  for (const row of rows) {
    expect(row.message_id).toBe(`<${row.run_id}.${row.node_id}@afterglow>`);
    expect(mail(row.to_address).parsed.messageId).toBe(row.message_id);
    expect(mail(row.to_address).headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  }
});
