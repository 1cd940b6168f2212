// /healthz, the web app's files and everything else the front door routes: odd paths,
// encodings that do not decode, escapes from the web root, prefixes of the API's paths,
// methods a static server does not take.
import fc from 'fast-check';
import type { FuzzRequest } from '../request';
import { pathSegment } from './common';

const PREFIXES = ['/', '/assets/', '/journeys/', '/trpc', '/trpc/', '/v1', '/v1/', '/webhooks/', '/u', '/t/', '/t/x/', '/healthz/', '//', '/.'];

export const staticRequests: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'PATCH'),
  path: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('/healthz', '/', '/index.html', '/assets/app.js', '/assets/missing.js', '/journeys/abc', '/favicon.ico') },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), pathSegment, fc.constantFrom('', '.js', '/', '?x=%00', '#f')).map(([p, s, e]) => `${p}${s}${e}`) },
    { weight: 1, arbitrary: fc.constantFrom('/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/..\\..\\x', '/%c0%ae%c0%ae/') },
  ),
}).map(({ method, path }): FuzzRequest => ({ route: path === '/healthz' ? `${method} /healthz` : `${method} (static)`, method, path, headers: {} }));
