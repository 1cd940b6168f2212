// Pieces the route arbitraries share: HTTP Basic with an ingestion key (or a broken one),
// header values and path segments a real client can send (node:http refuses the others
// before they leave), and broken bodies.
import fc from 'fast-check';
import { hostileString } from '../hostile';

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** An Authorization header: the key (most of the time), a wrong or revoked-looking key, a malformed one, or none. */
export const authorization = (key: string) => fc.oneof(
  { weight: 8, arbitrary: fc.constant<Record<string, string>>({ authorization: basic(key) }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: basic('ag_live_guess') }, { authorization: 'Basic !!!' },
    { authorization: `Bearer ${key}` }, { authorization: 'Basic ' + Buffer.from('\u0000:').toString('base64') }) },
);

/** A header value node:http sends: latin1 without control characters. */
export const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

/** Text percent-encoded byte by byte (a lone surrogate is encoded as U+FFFD, as a browser would). */
export const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');

/** Any text as a path segment, percent-encoded as a client would (with some raw, odd encodings). */
export const pathSegment = fc.oneof(
  hostileString.map((s) => percentEncode(s.slice(0, 3000))),
  fc.constantFrom('%', '%E0%A4%A', '%00', '%ZZ', '..', '%2e%2e', '%2F', '%C0%AF', 'a'.repeat(5000), ''),
);

/** Now and then (one time in `every`) a number choosing how to break a body; null otherwise. */
export const sometimes = (every: number) => fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() });

/** A JSON text broken on purpose: cut short, bytes that are not UTF-8, not JSON at all. */
export function brokenBody(json: string, pick: number): { body: string; bodyEncoding: 'latin1' | 'utf8' } {
  switch (pick % 5) {
    case 0: return { body: json.slice(0, Math.floor(json.length / 2)), bodyEncoding: 'utf8' };
    case 1: return { body: Buffer.from(json, 'utf8').toString('latin1').replace(/"/, '"\xff\xfe'), bodyEncoding: 'latin1' };
    case 2: return { body: `\uFEFF${json}`, bodyEncoding: 'utf8' };
    case 3: return { body: '', bodyEncoding: 'utf8' };
    default: return { body: 'null', bodyEncoding: 'utf8' };
  }
}
