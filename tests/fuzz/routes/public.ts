// The links in emails: /u/ (unsubscribe), /p/ (preferences), /t/o/ (open pixel), /t/c/
// (click). Tokens are real ones for the email the app sent, the same with a character
// changed, cut or extended, one kind used for another, a payload claiming something else
// under the old signature, or anything at all; forms carry hostile fields or too much.
import fc from 'fast-check';
import { hostileString } from '../hostile';
import type { FuzzRequest } from '../request';
import { pathSegment, percentEncode } from './common';

interface Tokens { u: string; p: string; o: string; c: string[] }

/** A token's payload replaced by `claims`, its signature kept: what a forger can do without the secret. */
const forged = (token: string, claims: unknown) => `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${token.split('.')[1]}`;

function tokenFor(valid: readonly string[]): fc.Arbitrary<string> {
  const token = fc.constantFrom(...valid);
  return fc.oneof(
    { weight: 4, arbitrary: token },
    { weight: 2, arbitrary: fc.tuple(token, fc.nat(), fc.constantFrom('A', '-', '_', '.', '%2E', '')).map(([t, at, c]) => { const i = at % t.length; return t.slice(0, i) + c + t.slice(i + 1); }) },
    { weight: 1, arbitrary: fc.tuple(token, fc.nat()).map(([t, at]) => t.slice(0, at % t.length)) },
    { weight: 1, arbitrary: token.map((t) => `${t}${t}`) },
    { weight: 2, arbitrary: fc.tuple(token, fc.record({ t: fc.constantFrom('u', 'p', 'o', 'c'), w: fc.oneof(hostileString, fc.constant('ws_demo')), c: hostileString, o: fc.oneof(fc.uuid(), hostileString), i: fc.oneof(fc.nat(), fc.constant(-1)) }, { requiredKeys: ['w'] })).map(([t, claims]) => forged(t, claims)) },
    { weight: 1, arbitrary: pathSegment },
  );
}

const form = fc.dictionary(fc.constantFrom('marketing', 'topic_offers', 'topic_news', 'List-Unsubscribe', 'x'), hostileString, { maxKeys: 4 })
  .map((fields) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '\ufffd')])).toString());

export function publicRequests(tokens: Tokens): fc.Arbitrary<FuzzRequest> {
  const all = [tokens.u, tokens.p, tokens.o, ...tokens.c];
  const routes = fc.constantFrom(
    { kind: '/u/', valid: [tokens.u], path: (t: string) => `/u/${t}` },
    { kind: '/p/', valid: [tokens.p], path: (t: string) => `/p/${t}` },
    { kind: '/t/o/', valid: [tokens.o], path: (t: string) => `/t/o/${t}.gif` },
    { kind: '/t/c/', valid: tokens.c, path: (t: string) => `/t/c/${t}` },
  );
  return fc.record({
    route: routes,
    crossKind: fc.nat({ max: 9 }).map((n) => n === 0),
    method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT'),
    body: fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: fc.constantFrom('List-Unsubscribe=One-Click', 'x'.repeat(20_000), '%ZZ=%') }),
    suffix: fc.constantFrom('', '', '', '', '/extra', '?a=%00', '%00'),
  }).chain(({ route, crossKind, method, body, suffix }) => tokenFor(crossKind ? all : route.valid).map((token): FuzzRequest => ({
    route: `${method} ${route.kind}`, method, path: route.path(token.replace(/[^\x21-\x7e]/g, (c) => percentEncode(c))) + suffix,
    headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: method === 'POST' || method === 'PUT' ? body : undefined,
  })));
}
