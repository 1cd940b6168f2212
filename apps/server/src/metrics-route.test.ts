// Who may read /metrics: with a token, only a bearer of it (from anywhere); without one, only
// this machine over loopback, never through a proxy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsHandler, serveMetricsAlone } from './metrics-route';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(token?: string): Promise<string> {
  const registry = new Registry();
  const server = http.createServer((req, res) => void createMetricsHandler({ registry, token })(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe('metrics access', () => {
  it('serves loopback scrapers without a token, not proxied ones', async () => {
    const url = await serve();
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
  });

  it('asks for the bearer token when one is set', async () => {
    const url = await serve('a-long-metrics-token');
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer a-long-metrics-token', 'x-forwarded-for': '203.0.113.9' } });
    expect(ok.status).toBe(200);
  });
});

describe('a worker process', () => {
  it('serves /metrics alone on its own port', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const close = await serveMetricsAlone(createMetricsHandler({ registry: new Registry() }), port);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    } finally {
      await close();
    }
  });
});
