// Photos on the hosted review page, through the server's real front door (apps/server http.ts):
// a photo sent with a review is stored by the app and served at a content-addressed URL with a
// long cache, its type decided from its bytes; a renamed file, one too large, or a photo
// without stars comes back as the page with the field's message in the customer's language
// (never a 5xx), a body over the upload limit is a 413 page; a resubmission replaces, keeps or
// removes the photo; staff hiding the review takes it offline; export and erasure cover it.
import { eraseCustomer, exportCustomerData } from '@afterglow/api';
import { reviewPageLinks } from '@afterglow/email';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRig, WS, type Rig } from './support/compliance';
import { jpegLike, pngImage, renamedText, webpLike } from './support/images';

let rig: Rig;
let link: string;
const MB = 1024 * 1024;

type Part = string | { bytes: Buffer; name: string; type?: string };
const send = (url: string, parts: Record<string, Part>) => {
  const form = new FormData();
  for (const [field, part] of Object.entries(parts)) {
    if (typeof part === 'string') form.append(field, part);
    else form.append(field, new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'image/jpeg' }), part.name);
  }
  return fetch(url, { method: 'POST', body: form });
};
const stored = async () => (await rig.db.sql<{ productId: string; photoRef: string | null; status: string; id: string }[]>`
  select product_id as "productId", photo_ref as "photoRef", status, id from reviews where workspace_id = ${WS} order by product_id`);
const photos = () => rig.db.sql<{ reviewId: string; contentType: string; size: number; sha256: string }[]>`
  select review_id as "reviewId", content_type as "contentType", size, sha256 from review_photos where workspace_id = ${WS}`;
const photoUrl = (html: string, i: number) => `${rig.base}${new RegExp(`<img src="([^"]+)" alt="[^"]*" data-testid="photo-${i}">`).exec(html)![1]}`;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const png = pngImage(48, 32);

beforeAll(async () => {
  rig = await startRig([{ id: 'ana', email: 'ana@example.com', firstName: 'Ana' }]);
  await rig.db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, 'o-1', 'ana', 95, ${rig.clock.now()})`;
  await rig.db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price)
    values (${WS}, 'o-1', 0, 'ana', 'boot', 'Trail boot', 80), (${WS}, 'o-1', 1, 'ana', 'wax', 'Boot wax', 15)`;
  link = reviewPageLinks({ publicUrl: rig.base, secret: 'secret', workspaceId: WS, customerId: 'ana', now: rig.clock.now() })('o-1');
}, 60_000);
afterAll(() => rig?.close());

it('offers a photo field per product in a multipart form', async () => {
  const html = await (await fetch(link)).text();
  expect(html).toContain('<form method="post" enctype="multipart/form-data">');
  expect(html).toContain('<input type="file" id="f0" name="photo_0" accept="image/jpeg,image/png,image/webp">');
  expect(html).toContain('name="photo_1"');
  expect(html).toContain('JPEG, PNG or WebP, up to 5 MB.');
});

it('stores a photo sent with a review and serves it, content-addressed, cacheable for ever', async () => {
  const res = await send(link, { rating_0: '5', text_0: 'Great', photo_0: { bytes: png, name: 'IMG_0042.PNG', type: 'image/png' }, rating_1: '4', photo_1: '' });
  expect(res.status).toBe(200);
  const [boot, wax] = await stored();
  expect(boot.photoRef).toBe(`${sha(png)}.png`);
  expect(wax.photoRef).toBeNull();
  expect(await photos()).toEqual([{ reviewId: boot.id, contentType: 'image/png', size: png.length, sha256: sha(png) }]);
  const [event] = await rig.db.sql`select properties from events where workspace_id = ${WS} and name = 'Review Submitted' and properties->>'product_id' = 'boot'`;
  expect(event.properties).toMatchObject({ rating: 5, has_photo: true });

  const url = photoUrl(await (await fetch(link)).text(), 0);
  expect(url).toBe(`${rig.base}/reviews/${WS}/photos/${boot.id}/${sha(png)}.png`);
  const photo = await fetch(url);
  expect(photo.status).toBe(200);
  expect(Object.fromEntries(['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'etag', 'access-control-allow-origin',
    'cross-origin-resource-policy'].map((h) => [h, photo.headers.get(h)]))).toEqual({
    'content-type': 'image/png', 'content-length': String(png.length), 'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff', etag: `"${sha(png)}"`, 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin',
  });
  expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
  expect((await fetch(url, { headers: { 'if-none-match': `"${sha(png)}"` } })).status).toBe(304);
  // Another extension, another hash, another review, a path that is not one: nothing.
  for (const other of [url.replace('.png', '.jpg'), url.replace(sha(png), sha(renamedText())), url.replace(boot.id, '00000000-0000-4000-8000-000000000000'),
    `${rig.base}/reviews/${WS}/photos/${boot.id}/..%2F${sha(png)}.png`]) {
    expect((await fetch(other)).status, other).toBe(404);
  }
});

it('refuses a renamed file, one too large, or a photo without stars: the page again, in their language, the field named', async () => {
  await rig.db.sql`update customers set locale = 'sl' where workspace_id = ${WS} and id = 'ana'`;
  const before = await stored();
  for (const [parts, field, said] of [
    [{ rating_0: '5', photo_0: { bytes: renamedText(), name: 'holiday.jpg' } }, 'photo_0', 'Trail boot: fotografija mora biti v zapisu JPEG, PNG ali WebP.'],
    [{ rating_1: '4', photo_1: { bytes: jpegLike(5 * MB + 1), name: 'big.jpg' } }, 'photo_1', 'Boot wax: fotografija je večja od 5 MB.'],
    [{ rating_0: '', photo_0: { bytes: png, name: 'a.png' } }, 'rating_0', 'Trail boot: izberite zvezdice za oceno, ki ji fotografija pripada.'],
    [{ rating_0: '5', photo_7: { bytes: png, name: 'a.png' } }, 'photo_7', 'photo_7'],
  ] as const) {
    const res = await send(link, parts);
    expect(res.status, field).toBe(400);
    const html = await res.text();
    expect(html, field).toContain(`<li data-field="${field}">`);
    expect(html, field).toContain(said);
    expect(html, field).toContain('<html lang="sl">');
  }
  // The valid photo of a refused form must be chosen again, and the page says so.
  const again = await send(link, { rating_0: '5', photo_0: { bytes: png, name: 'a.png' }, rating_1: '4', photo_1: { bytes: renamedText(), name: 'b.jpg' } });
  expect(await again.text()).toContain('Fotografijo izberite znova');
  expect(await stored()).toEqual(before);
  await rig.db.sql`update customers set locale = 'en' where workspace_id = ${WS} and id = 'ana'`;
});

it('answers a body over the upload limit with a 413 page, declared or streamed', async () => {
  const res = await send(link, { rating_0: '5', photo_0: { bytes: jpegLike(21 * MB), name: 'huge.jpg' } });
  expect(res.status).toBe(413);
  expect(await res.text()).toContain('The photos were too large to send together');
  // Chunked (no Content-Length): refused once the cap is crossed; the page comes while the client is still sending.
  const req = http.request(link, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  let answered = false;
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  req.write('--x\r\nContent-Disposition: form-data; name="photo_0"; filename="a.jpg"\r\n\r\n');
  let sent = 0;
  for (; sent < 40 && !answered; sent++) if (!req.write(Buffer.alloc(MB, 'a'))) await Promise.race([once(req, 'drain'), reply]);
  const streamed = await reply;
  req.destroy();
  expect(sent).toBeLessThan(40);
  expect(streamed.status).toBe(413);
  expect(streamed.body).toContain('data-testid="review-tooLarge"');
  expect((await fetch(link)).status).toBe(200);
});

it('replaces the photo on a resubmission, keeps it when none is sent, removes it when asked', async () => {
  const [{ photoRef: first }] = await stored();
  await rig.db.sql`update reviews set status = 'published' where workspace_id = ${WS}`;
  const webp = webpLike(2048);
  expect((await send(link, { rating_0: '5', text_0: 'Great', photo_0: { bytes: webp, name: 'new.webp', type: 'image/webp' }, rating_1: '4' })).status).toBe(200);
  const [boot] = await stored();
  expect(boot).toMatchObject({ photoRef: `${sha(webp)}.webp`, status: 'new' });
  expect(await photos()).toEqual([{ reviewId: boot.id, contentType: 'image/webp', size: 2048, sha256: sha(webp) }]);
  expect((await fetch(`${rig.base}/reviews/${WS}/photos/${boot.id}/${first}`)).status).toBe(404);
  expect((await fetch(`${rig.base}/reviews/${WS}/photos/${boot.id}/${sha(webp)}.webp`)).headers.get('content-type')).toBe('image/webp');

  // New words, no file: the photo stays.
  expect((await send(link, { rating_0: '5', text_0: 'Great, still', photo_0: '', rating_1: '4' })).status).toBe(200);
  expect((await stored())[0].photoRef).toBe(`${sha(webp)}.webp`);
  // Hidden by staff: offline, also on the customer's own page.
  await rig.db.sql`update reviews set status = 'hidden' where id = ${boot.id}`;
  expect((await fetch(`${rig.base}/reviews/${WS}/photos/${boot.id}/${sha(webp)}.webp`)).status).toBe(404);
  expect(await (await fetch(link)).text()).not.toContain('data-testid="photo-0"');
  await rig.db.sql`update reviews set status = 'new' where id = ${boot.id}`;

  expect((await send(link, { rating_0: '5', text_0: 'Great, still', remove_photo_0: 'on', rating_1: '4' })).status).toBe(200);
  expect((await stored())[0].photoRef).toBeNull();
  expect(await photos()).toEqual([]);
});

it('exports the photo with the customer (base64) and erases it with them', async () => {
  expect((await send(link, { rating_0: '3', photo_0: { bytes: png, name: 'a.png' }, rating_1: '4' })).status).toBe(200);
  const data = await exportCustomerData(rig.db.sql, WS, 'ana', rig.clock.now());
  expect(data.tables.review_photo_files).toEqual([expect.objectContaining({ content_type: 'image/png', size: png.length, sha256: sha(png), base64: png.toString('base64') })]);
  const erased = await eraseCustomer(rig.db.sql, WS, 'ana', rig.clock.now());
  expect(erased.rows).toMatchObject({ review_photos: 1, reviews: 2 });
  expect(await photos()).toEqual([]);
});
