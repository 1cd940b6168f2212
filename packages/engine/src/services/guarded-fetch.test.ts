// The fetch services deliver with, against a real HTTP server on 127.0.0.1: bodies and headers
// as standard fetch sends them, a standard Response back, redirects returned and not followed,
// the connection made to the checked address under the URL's own host name, refusals before
// any connection, and a deadline.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './guarded-fetch';

interface Seen { method: string; url: string; headers: IncomingHttpHeaders; body: string }

describe('the guarded fetch of services', () => {
  const seen: Seen[] = [];
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (req.url === '/moved') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        else if (req.url === '/silent') return; // never answers
        else if (req.url === '/empty') res.writeHead(204).end();
        else res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r1' }).end('{"sid":"SM1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const open = createGuardedFetch({ allowPrivate: true, timeoutMs: 500 });

  it('sends what fetch would send, and answers with a standard Response', async () => {
    const res = await open(`http://127.0.0.1:${port}/messages`, {
      method: 'POST', headers: { authorization: 'Basic abc' }, body: new URLSearchParams({ To: '+38160000000', Body: 'Hi & bye' }),
    });
    expect(res).toBeInstanceOf(Response);
    expect([res.status, res.ok, res.headers.get('x-request-id')]).toEqual([201, true, 'r1']);
    expect(await res.json()).toEqual({ sid: 'SM1' });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/messages', body: 'To=%2B38160000000&Body=Hi+%26+bye' });
    expect(request.headers).toMatchObject({ authorization: 'Basic abc', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      'content-length': '33' });
    expect((await open(`http://127.0.0.1:${port}/empty`)).status).toBe(204);
  });

  it('returns a redirect as it is, never following it', async () => {
    const before = seen.length;
    const res = await open(`http://127.0.0.1:${port}/moved`);
    expect([res.status, res.headers.get('location')]).toEqual([302, 'http://169.254.169.254/latest/meta-data/']);
    expect(seen.length).toBe(before + 1);
  });

  it('connects to the checked address, keeping the URL\'s host name', async () => {
    const names = createGuardedFetch({ allowPrivate: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    await names(`http://gateway.example:${port}/named`);
    expect(seen.at(-1)!.headers.host).toBe(`gateway.example:${port}`);
  });

  it('refuses private and internal targets before connecting, and other schemes', async () => {
    const strict = createGuardedFetch({ allowPrivate: false, resolve: async () => [{ address: '10.1.2.3', family: 4 }] });
    const before = seen.length;
    await expect(strict(`http://127.0.0.1:${port}/x`)).rejects.toThrow(
      'Refused: 127.0.0.1 is a loopback address; outbound calls go only to public hosts');
    await expect(strict('https://gateway.example/x')).rejects.toThrow(
      'Refused: gateway.example resolves to 10.1.2.3, which is a private address; outbound calls go only to public hosts');
    await expect(strict('file:///etc/passwd')).rejects.toThrow('file: is not http(s)');
    expect(seen.length).toBe(before);
  });

  it('gives up on a server that does not answer in time', async () => {
    await expect(open(`http://127.0.0.1:${port}/silent`)).rejects.toThrow('no answer within 0.5 s');
  });
});
