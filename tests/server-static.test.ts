// The web app's static files: assets, SPA fallback for app routes, 404 for missing
// assets, no escape from the dist folder, and the security headers on every response.
import { createRequestListener } from '../apps/server/src/http';
import type { Database } from '@afterglow/db';
import { silentLogger } from '@afterglow/node-sdk';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dir: string;
let server: http.Server;
let base: string;
const calls: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-dist-'));
  mkdirSync(path.join(dir, 'dist/assets'), { recursive: true });
  writeFileSync(path.join(dir, 'dist/index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'dist/assets/app-123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the dist folder');
  const listener = createRequestListener({
    // Health checks are covered by server.test.ts; these routes never touch the database.
    database: {} as Database,
    trpc: async (req, res) => { calls.push(`trpc ${req.url}`); res.end('trpc'); },
    ingest: async (req, res) => { calls.push(`ingest ${req.url}`); res.end('ingest'); },
    webDistDir: path.join(dir, 'dist'),
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

it('serves fingerprinted assets with long caching and the right type', async () => {
  const res = await fetch(`${base}/assets/app-123.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect(await res.text()).toBe('console.log(1)');
});

it('falls back to index.html for app routes, uncached, with security headers', async () => {
  for (const route of ['/', '/journeys/jrn_1', '/segments?x=1']) {
    const res = await fetch(base + route);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  }
});

it('answers 404 for a missing asset and never serves files outside dist', async () => {
  expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  // node:http sends the path as written (fetch would normalise the dots away).
  for (const raw of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http.get(base + raw, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
    expect(status).toBe(404);
    expect(body).not.toContain('outside the dist folder');
  }
  expect((await fetch(`${base}/`, { method: 'DELETE' })).status).toBe(405);
});

it('routes /trpc and /v1 to their handlers', async () => {
  calls.length = 0;
  expect(await (await fetch(`${base}/trpc/journeys.list`)).text()).toBe('trpc');
  expect(await (await fetch(`${base}/v1/track`, { method: 'POST', body: '{}' })).text()).toBe('ingest');
  expect(calls).toEqual(['trpc /trpc/journeys.list', 'ingest /v1/track']);
});
