// The storefront's JSON of a product's reviews, through the server's real front door: reviews
// written on the hosted review page by several customers, some published by staff; only those
// are listed (newest first, signed "Ana K."), with their photo's absolute URL and the shop's
// reply, and the aggregate as schema.org AggregateRating fields plus a ready JSON-LD object.
// Any origin may read it (CORS), caches keep it five minutes and an ETag answers a 304;
// pages are bounded; a bad parameter is a 400 and an unknown workspace or product a 404, JSON.
import { isPublicPath } from '@afterglow/api';
import { reviewPageLinks } from '@afterglow/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, WS, type Rig } from './support/compliance';
import { pngImage } from './support/images';

let rig: Rig;
let endpoint: string;

const CUSTOMERS = [
  { id: 'ana', firstName: 'Ana', lastName: 'Kovač', rating: 5, text: 'Dry feet all week.', status: 'published', photo: true },
  { id: 'ben', firstName: 'Ben', lastName: ' li ', rating: 4, text: 'Good grip.', status: 'published', photo: false },
  { id: 'cleo', firstName: 'Cleo', lastName: null, rating: 4, text: '', status: 'published', photo: false },
  { id: 'dan', firstName: 'Dan', lastName: 'Hidden', rating: 1, text: 'Spam spam', status: 'hidden', photo: false },
  { id: 'eve', firstName: 'Eve', lastName: 'New', rating: 2, text: 'Not yet moderated', status: 'new', photo: false },
] as const;

async function review(customerId: string, rating: number, text: string, photo: boolean) {
  const link = reviewPageLinks({ publicUrl: rig.base, secret: 'secret', workspaceId: WS, customerId, now: rig.clock.now() })(`o-${customerId}`);
  const form = new FormData();
  form.append('rating_0', String(rating));
  form.append('text_0', text);
  if (photo) form.append('photo_0', new Blob([new Uint8Array(pngImage(20, 20))], { type: 'image/png' }), 'boot.png');
  const res = await fetch(link, { method: 'POST', body: form });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  rig = await startRig(CUSTOMERS.map((c) => ({ id: c.id, email: `${c.id}@example.com`, firstName: c.firstName })));
  for (const c of CUSTOMERS) {
    await rig.db.sql`update customers set last_name = ${c.lastName} where workspace_id = ${WS} and id = ${c.id}`;
    await rig.db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, ${`o-${c.id}`}, ${c.id}, 80, ${rig.clock.now()})`;
    await rig.db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price)
      values (${WS}, ${`o-${c.id}`}, 0, ${c.id}, 'gid://shopify/Product/77', 'Trail boot', 80)`;
    rig.clock.advance(3_600_000);
    await review(c.id, c.rating, c.text, c.photo);
    // Staff moderation (the Reviews page's work) is a status.
    await rig.db.sql`update reviews set status = ${c.status} where workspace_id = ${WS} and customer_id = ${c.id}`;
  }
  await rig.db.sql`update reviews set reply = 'Thank you, Ana!' where workspace_id = ${WS} and customer_id = 'ana'`;
  // Ordered, never reviewed.
  await rig.db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price) values (${WS}, 'o-ana', 1, 'ana', 'laces', 'Laces', 4)`;
  endpoint = `${rig.base}/reviews/${WS}/products/${encodeURIComponent('gid://shopify/Product/77')}.json`;
}, 120_000);
afterAll(() => rig?.close());

describe('GET /reviews/<workspace>/products/<id>.json', () => {
  it('lists the published reviews only, newest first, with the aggregate and JSON-LD', async () => {
    const res = await fetch(endpoint);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ productId: 'gid://shopify/Product/77', reviewCount: 3, ratingValue: 4.3, bestRating: 5, worstRating: 1, limit: 10, offset: 0, next: null });
    expect(body.reviews.map((r: { author: string; rating: number; text: string; reply: string | null }) => [r.author, r.rating, r.text, r.reply])).toEqual([
      ['Cleo', 4, '', null], ['Ben L.', 4, 'Good grip.', null], ['Ana K.', 5, 'Dry feet all week.', 'Thank you, Ana!'],
    ]);
    expect(body.reviews[0].date).toBe('2026-05-04T12:00:00.000Z');
    const [ana] = await rig.db.sql`select id, photo_ref from reviews where workspace_id = ${WS} and customer_id = 'ana'`;
    expect(body.reviews[2].photoUrl).toBe(`${rig.base}/reviews/${WS}/photos/${ana.id}/${ana.photo_ref}`);
    expect(body.reviews[0].photoUrl).toBeNull();
    const photo = await fetch(body.reviews[2].photoUrl);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(body.jsonLd).toEqual({
      '@context': 'https://schema.org', '@type': 'Product', productID: 'gid://shopify/Product/77', name: 'Trail boot',
      aggregateRating: { '@type': 'AggregateRating', reviewCount: 3, ratingValue: 4.3, bestRating: 5, worstRating: 1 },
      review: expect.arrayContaining([{ '@type': 'Review', datePublished: '2026-05-04', reviewBody: 'Dry feet all week.',
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 }, author: { '@type': 'Person', name: 'Ana K.' } }]),
    });
  });

  it('may be read from any origin, cached five minutes, and revalidated with its ETag', async () => {
    const res = await fetch(endpoint, { headers: { origin: 'https://shop.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await fetch(endpoint, { headers: { 'if-none-match': etag } });
    expect([again.status, await again.text(), again.headers.get('etag'), again.headers.get('access-control-allow-origin')]).toEqual([304, '', etag, '*']);

    const preflight = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const post = await fetch(endpoint, { method: 'POST', body: '{}' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);

    // Staff publish another review: the content and so the ETag change.
    await rig.db.sql`update reviews set status = 'published' where workspace_id = ${WS} and customer_id = 'eve'`;
    const changed = await fetch(endpoint, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect((await changed.json()).ratingValue).toBe(3.8);
    await rig.db.sql`update reviews set status = 'new' where workspace_id = ${WS} and customer_id = 'eve'`;
  });

  it('pages through the reviews, bounded', async () => {
    const first = await (await fetch(`${endpoint}?limit=2`)).json();
    expect([first.reviews.length, first.next, first.reviewCount]).toEqual([2, '?limit=2&offset=2', 3]);
    const second = await (await fetch(`${endpoint}${first.next}`)).json();
    expect([second.reviews.map((r: { author: string }) => r.author), second.next, second.ratingValue]).toEqual([['Ana K.'], null, 4.3]);
    const past = await (await fetch(`${endpoint}?offset=50`)).json();
    expect([past.reviews, past.reviewCount]).toEqual([[], 3]);
  });

  it('answers an unknown workspace or product with a 404, a bad parameter with a 400, naming the field', async () => {
    const cases: Array<[string, number, string]> = [
      [`${rig.base}/reviews/ws_nobody/products/x.json`, 404, 'workspace'],
      [`${rig.base}/reviews/${WS}/products/never-sold.json`, 404, 'productId'],
      [`${endpoint}?limit=0`, 400, 'limit'],
      [`${endpoint}?limit=51`, 400, 'limit'],
      [`${endpoint}?limit=ten`, 400, 'limit'],
      [`${endpoint}?offset=-1`, 400, 'offset'],
      [`${endpoint}?offset=10001`, 400, 'offset'],
      [`${rig.base}/reviews/${WS}/products/%ZZ.json`, 400, 'productId'],
      [`${rig.base}/reviews/${WS}/products/a%00b.json`, 400, 'productId'],
      [`${rig.base}/reviews/${WS}/products/${'x'.repeat(201)}.json`, 400, 'productId'],
      [`${rig.base}/reviews/%E0%A4%A/products/x.json`, 400, 'workspace'],
    ];
    for (const [url, status, field] of cases) {
      const res = await fetch(url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
      expect((await res.json()).issues, url).toEqual([{ path: field, message: expect.any(String) }]);
    }
  });

  it('gives a product ordered but not reviewed yet an empty list, without a rating in its JSON-LD', async () => {
    const body = await (await fetch(`${rig.base}/reviews/${WS}/products/laces.json`)).json();
    expect(body).toMatchObject({ reviewCount: 0, ratingValue: null, reviews: [], next: null });
    expect(body.jsonLd).toEqual({ '@context': 'https://schema.org', '@type': 'Product', productID: 'laces', name: 'Laces', review: [] });
  });

  it('owns only its own paths under /reviews/: the rest is the web app', () => {
    expect(isPublicPath('/reviews/ws_1/products/p-1.json')).toBe(true);
    expect(isPublicPath('/reviews/ws_1/photos/3f0c/ab.png')).toBe(true);
    for (const path of ['/reviews', '/reviews/', '/reviews/3f0c', '/reviews/ws_1/products/p-1', '/reviews/ws_1/products/a/b.json']) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });
});
