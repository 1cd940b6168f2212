// Saved content blocks and email images through the real tRPC API and the public image route:
// a block is checked as an email body before it is stored (a broken one is refused naming
// `mjml`), its name is unique in the workspace (409 naming `name`), saving it again changes what
// later links get, and only marketers change blocks; every change is audited. An image's type
// is read from its bytes (a renamed text file, a truncated picture or one over 2 MB is refused
// naming `file`, never a 5xx), the same file uploaded twice is one image, and each is served at an
// unguessable address, cacheable for ever, to anyone; another workspace's address is a 404.
import { createPublicHandler, type ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createTemplateSandbox } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { pngImage, renamedText, webpLike } from './support/images';

const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
const templateSandbox = createTemplateSandbox();
let database: Database;
let server: ApiServer;
let images: http.Server;
let imagesUrl = '';
let marketer: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;

const SECTION = '<mj-section><mj-column><mj-text>Our shop · {{ shop.name }}</mj-text></mj-column></mj-section>';
const MB = 1024 * 1024;

/** A JPEG's start: SOI, a JFIF segment, then the frame header (SOF0) that holds the size. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(64, 0)]);
}
const gif = (width: number, height: number) => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([width & 255, width >> 8, height & 255, height >> 8]), Buffer.alloc(20, 0)]);
const base64 = (bytes: Buffer) => bytes.toString('base64');
/** The field a refusal names: a domain refusal's own, or the first schema issue's. */
const fieldOf = (err: { data: { field: string | null; issues: { field: string }[] | null } }) => err.data.field ?? err.data.issues?.[0]?.field;

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  for (const ws of ['ws_c', 'ws_o']) await sql`insert into workspaces (id, name, signing_secret) values (${ws}, ${ws}, 'secret')`;
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_c', email: 'm@c.test', password: 'pw-m', role: 'marketer' });
  await seedUser(database, { id: 'u_v', workspaceId: 'ws_c', email: 'v@c.test', password: 'pw-v', role: 'viewer' });
  await seedUser(database, { id: 'u_o', workspaceId: 'ws_o', email: 'o@o.test', password: 'pw-o', role: 'owner' });
  const handle = createPublicHandler({ database, clock });
  images = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  const deps: ApiDeps = {
    database, registry: createRegistry(), clock, templateSandbox, publicUrl: () => imagesUrl,
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  marketer = await signIn(server.url, 'm@c.test', 'pw-m');
  viewer = await signIn(server.url, 'v@c.test', 'pw-v');
  outsider = await signIn(server.url, 'o@o.test', 'pw-o');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => images?.close(resolve));
  await templateSandbox.close();
  await database?.close();
});

describe('saved blocks', () => {
  let id = '';

  it('saves a section under a name, lists it and audits the change', async () => {
    ({ id } = await marketer.emailBlocks.save.mutate({ name: 'Footer', mjml: SECTION }));
    expect(id).toMatch(/^blk_/);
    expect(await marketer.emailBlocks.list.query()).toEqual([expect.objectContaining({ id, name: 'Footer', mjml: SECTION, updatedBy: 'u_m' })]);
    const [audit] = await database.sql<{ actorId: string; detail: Record<string, unknown> }[]>`
      select actor_id as "actorId", detail from audit_log where action = 'emailBlocks.save'`;
    expect(audit.actorId).toBe('u_m');
    expect(audit.detail).not.toHaveProperty('mjml');
  });

  it('saves it again under its id', async () => {
    const changed = SECTION.replace('Our shop', 'The shop');
    await marketer.emailBlocks.save.mutate({ id, name: 'Shop footer', mjml: changed });
    expect(await marketer.emailBlocks.list.query()).toEqual([expect.objectContaining({ id, name: 'Shop footer', mjml: changed })]);
  });

  it('refuses a broken block, naming mjml, and a taken name, naming name', async () => {
    const broken = await errorOf(marketer.emailBlocks.save.mutate({ name: 'Loose text', mjml: '<mj-text>Hi</mj-text>' }));
    expect(broken.code).toBe('BAD_REQUEST');
    expect(broken.data.field).toBe('mjml');
    expect(broken.message).toContain('line 1');
    const liquid = await errorOf(marketer.emailBlocks.save.mutate({ name: 'Typo', mjml: SECTION.replace('shop.name', 'shop.nme') }));
    expect(liquid.data.field).toBe('mjml');
    expect(liquid.message).toContain('unknown merge field "shop.nme"');
    const taken = await errorOf(marketer.emailBlocks.save.mutate({ name: 'Shop footer', mjml: SECTION }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.data.field).toBe('name');
    const empty = await errorOf(marketer.emailBlocks.save.mutate({ name: ' ', mjml: SECTION }));
    expect(empty.code).toBe('BAD_REQUEST');
  });

  it('lets viewers read blocks but not change them; another workspace sees none of them', async () => {
    expect(await viewer.emailBlocks.list.query()).toHaveLength(1);
    expect((await errorOf(viewer.emailBlocks.save.mutate({ name: 'Mine', mjml: SECTION }))).code).toBe('FORBIDDEN');
    expect((await errorOf(viewer.emailBlocks.remove.mutate({ id }))).code).toBe('FORBIDDEN');
    expect(await outsider.emailBlocks.list.query()).toEqual([]);
    expect((await errorOf(outsider.emailBlocks.save.mutate({ id, name: 'Stolen', mjml: SECTION }))).code).toBe('NOT_FOUND');
    expect((await errorOf(outsider.emailBlocks.remove.mutate({ id }))).code).toBe('NOT_FOUND');
  });

  it('deletes a block', async () => {
    await marketer.emailBlocks.remove.mutate({ id });
    expect(await marketer.emailBlocks.list.query()).toEqual([]);
    expect(await database.sql`select 1 from audit_log where action = 'emailBlocks.remove' and target_id = ${id}`).toHaveLength(1);
  });
});

describe('email images', () => {
  it('stores PNG, JPEG, GIF and WebP by their bytes, with their size in pixels', async () => {
    const png = await marketer.emailImages.upload.mutate({ name: 'C:\\photos\\logo.png', file: base64(pngImage(60, 40)) });
    expect(png).toMatchObject({ name: 'logo.png', contentType: 'image/png', width: 60, height: 40 });
    expect(png.url).toMatch(new RegExp(`^${imagesUrl}/img/ws_c/[A-Za-z0-9_-]{22}\\.png$`));
    // The name says GIF; the bytes say JPEG, and they decide.
    expect(await marketer.emailImages.upload.mutate({ name: 'banner.gif', file: base64(jpeg(600, 200)) })).toMatchObject({ contentType: 'image/jpeg', width: 600, height: 200 });
    expect(await marketer.emailImages.upload.mutate({ name: 'spinner.gif', file: base64(gif(32, 16)) })).toMatchObject({ contentType: 'image/gif', width: 32, height: 16 });
    const webp = Buffer.from(webpLike(64));
    webp.writeUInt16LE(300, 26);
    webp.writeUInt16LE(150, 28);
    expect(await marketer.emailImages.upload.mutate({ name: 'hero.webp', file: base64(webp) })).toMatchObject({ contentType: 'image/webp', width: 300, height: 150 });
    expect((await viewer.emailImages.list.query()).map((i) => i.name)).toEqual(expect.arrayContaining(['logo.png', 'banner.gif', 'spinner.gif', 'hero.webp']));
    expect(await database.sql`select 1 from audit_log where action = 'emailImages.upload' and detail ? 'file'`).toHaveLength(0);
    expect(await database.sql`select 1 from audit_log where action = 'emailImages.upload'`).toHaveLength(4);
  });

  it('keeps one image for the same bytes uploaded twice', async () => {
    const bytes = pngImage(20, 20);
    const first = await marketer.emailImages.upload.mutate({ name: 'a.png', file: base64(bytes) });
    const again = await marketer.emailImages.upload.mutate({ name: 'b.png', file: base64(bytes) });
    expect(again.url).toBe(first.url);
    expect(await database.sql`select 1 from email_images where workspace_id = 'ws_c' and width = 20`).toHaveLength(1);
  });

  it('refuses what is not a picture, a truncated one, and one over 2 MB, naming the file field', async () => {
    for (const bytes of [renamedText(), Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2])]) {
      const refused = await errorOf(marketer.emailImages.upload.mutate({ name: 'photo.jpg', file: base64(bytes) }));
      expect([refused.code, refused.data.field]).toEqual(['BAD_REQUEST', 'file']);
      expect(refused.message).toContain('PNG, JPEG, GIF or WebP');
    }
    const empty = await errorOf(marketer.emailImages.upload.mutate({ name: 'nothing.png', file: '' }));
    expect([empty.code, empty.data.field]).toEqual(['BAD_REQUEST', 'file']);
    const large = Buffer.concat([pngImage(10, 10), Buffer.alloc(2 * MB)]);
    const tooLarge = await errorOf(marketer.emailImages.upload.mutate({ name: 'huge.png', file: base64(large) }));
    expect([tooLarge.code, fieldOf(tooLarge)]).toEqual(['BAD_REQUEST', 'file']);
    expect(tooLarge.message).toContain('2 MB');
    const wide = Buffer.from(pngImage(4, 4));
    wide.writeUInt32BE(20_000, 16);
    expect((await errorOf(marketer.emailImages.upload.mutate({ name: 'wide.png', file: base64(wide) }))).message).toMatch(/8[,.\s\u00a0]?000/);
    const notBase64 = await errorOf(marketer.emailImages.upload.mutate({ name: 'x.png', file: 'not base64!' }));
    expect([notBase64.code, fieldOf(notBase64)]).toEqual(['BAD_REQUEST', 'file']);
    expect((await errorOf(viewer.emailImages.upload.mutate({ name: 'v.png', file: base64(pngImage(5, 5)) }))).code).toBe('FORBIDDEN');
  });

  it('serves an image to anyone at its address, cacheable for ever; nowhere else', async () => {
    const bytes = pngImage(30, 30);
    const { url } = await marketer.emailImages.upload.mutate({ name: 'served.png', file: base64(bytes) });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(url, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
    expect((await fetch(url.replace('/ws_c/', '/ws_o/'))).status).toBe(404);
    expect((await fetch(url.replace(/\.png$/, '.gif'))).status).toBe(404);
    expect((await fetch(url.replace(/\/[^/]+\.png$/, '/AAAAAAAAAAAAAAAAAAAAAA.png'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    expect(await outsider.emailImages.list.query()).toEqual([]);
  });
});
