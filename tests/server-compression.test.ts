// Compression over real HTTP: the build's precompressed copies (apps/web/precompress.ts) are
// served by Accept-Encoding with Vary and the right caching; large API replies are compressed
// on the fly, small ones and hosted pages are not; gzip request bodies still reach ingestion.
// Every compressed answer must decompress to exactly the original bytes.
import { createRequestListener } from '../apps/server/src/http';
import { precompress } from '../apps/web/precompress';
import type { Database } from '@afterglow/db';
import { silentLogger } from '@afterglow/node-sdk';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let server: http.Server;
let base: string;
// Repetitive like real bundles, well over the 1 KB threshold.
const script = Array.from({ length: 400 }, (_, i) => `export function step${i}(x){return x*${i}+"${'card'.repeat(i % 7)}";}`).join('\n');
const apiReply = JSON.stringify({ result: { data: Array.from({ length: 300 }, (_, i) => ({ id: `seg_${i}`, name: `Segment ${i}` })) } });
const hostedPage = `<!doctype html><p>${'Unsubscribed. '.repeat(200)}</p>`;

/** Raw response bytes (no automatic decoding, unlike fetch) and headers. */
function get(url: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    }).on('error', reject);
    req.end(body);
  });
}

const decode = (bytes: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-compress-'));
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><div id="root"></div>${'<!-- app -->'.repeat(200)}`);
  writeFileSync(path.join(dist, 'assets/canvas-abc123.js'), script);
  writeFileSync(path.join(dist, 'assets/tiny-abc123.js'), 'console.log(1)');
  // The real build step, run on this dist as Vite would after writing it.
  const plugin = precompress();
  (plugin.configResolved as (c: unknown) => void)({ root: dir, build: { outDir: 'dist' } });
  (plugin.closeBundle as () => void)();

  const listener = createRequestListener({
    database: { availability: { up: true } } as unknown as Database,
    trpc: async (_req, res) => { res.setHeader('content-type', 'application/json'); res.end(apiReply); },
    ingest: async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = req.headers['content-encoding'] === 'gzip' ? gunzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ received: JSON.parse(raw.toString()) }));
    },
    recipients: async (_req, res) => { res.setHeader('content-type', 'text/html; charset=utf-8'); res.end(hostedPage); },
    webDistDir: dist,
    log: silentLogger,
  });
  server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('the build writes brotli and gzip copies beside each asset worth compressing', () => {
    const js = path.join(dir, 'dist/assets/canvas-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(existsSync(path.join(dir, 'dist/assets/tiny-abc123.js.br'))).toBe(false);
  });

  it('serves the best accepted encoding, immutable for hashed files, with Vary', async () => {
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['*', 'br'], ['identity', undefined], ['', undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(`${base}/assets/canvas-abc123.js`, accept ? { 'accept-encoding': accept } : {});
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(expected);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
      expect(decode(res.bytes, expected).toString()).toBe(script);
    }
  });

  it('index.html (and the app routes falling back to it) comes compressed but always revalidated', async () => {
    for (const route of ['/', '/segments']) {
      const res = await get(base + route, { 'accept-encoding': 'br, gzip' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decode(res.bytes, 'br').toString()).toContain('<div id="root">');
    }
  });

  it('a file too small to compress is served as it is', async () => {
    const res = await get(`${base}/assets/tiny-abc123.js`, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.toString()).toBe('console.log(1)');
  });
});

describe('API replies', () => {
  it('a large tRPC reply is compressed as accepted and decompresses to the original', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await get(`${base}/trpc/segments.page`, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.bytes.length).toBeLessThan(apiReply.length / 3);
      expect(decode(res.bytes, encoding).toString()).toBe(apiReply);
    }
    const plain = await get(`${base}/trpc/segments.page`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(apiReply);
  });

  it('a gzip request body still reaches ingestion, and a small reply stays uncompressed', async () => {
    const body = gzipSync(JSON.stringify({ event: 'Order Completed' }));
    const res = await get(`${base}/v1/track`, { 'content-encoding': 'gzip', 'content-type': 'application/json', 'accept-encoding': 'br, gzip' }, body);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString())).toEqual({ received: { event: 'Order Completed' } });
  });

  it('hosted pages (unsubscribe and the like) are left as they are', async () => {
    const res = await get(`${base}/u/some-token`, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.toString()).toBe(hostedPage);
  });
});
