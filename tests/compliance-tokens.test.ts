// Signed link tokens, the compliance rewrite of a rendered email, and the bot classifier,
// as plain functions (the HTTP side is in compliance-links.test.ts).
import { sendEmail } from '@afterglow/nodes';
import { classifyHit, EMAIL_TOPICS, prepareForSending, signToken, tokenWorkspace, TokenError, verifyToken, type TokenPayload } from '@afterglow/email';
import { describe, expect, it } from 'vitest';

const SECRET = 'ws-secret-1';
const outbox = '5b0f3a6e-8a7c-4a51-9d2e-3f1b2c4d5e6f';
const payloads: TokenPayload[] = [
  { t: 'u', w: 'ws_a', c: 'cust_1', o: outbox }, { t: 'p', w: 'ws_a', c: 'cust_1' },
  { t: 'o', w: 'ws_a', o: outbox }, { t: 'c', w: 'ws_a', o: outbox, i: 3 },
];
const reencode = (token: string, change: (p: Record<string, unknown>) => void) => {
  const [body, sig] = token.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  change(payload);
  return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
};

describe('signed tokens', () => {
  it('round-trip for each purpose and name their workspace', () => {
    for (const p of payloads) {
      const token = signToken(SECRET, p);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(tokenWorkspace(token)).toBe('ws_a');
      expect(verifyToken(token, p.t, SECRET)).toEqual(p);
    }
  });

  it('refuse every flipped character, a changed payload, another secret and another purpose', () => {
    const token = signToken(SECRET, payloads[3]);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(() => verifyToken(flipped, 'c', SECRET), `position ${i}`).toThrow(TokenError);
    }
    // The last character's two spare bits: another spelling of the same signature bytes is refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    for (const spare of [1, 2, 3]) {
      expect(() => verifyToken(token.slice(0, -1) + alphabet[(last & ~3) | spare], 'c', SECRET)).toThrow('bad signature');
    }
    expect(() => verifyToken(reencode(token, (p) => { p.i = 0; }), 'c', SECRET)).toThrow('bad signature');
    expect(() => verifyToken(reencode(token, (p) => { p.w = 'ws_b'; }), 'c', SECRET)).toThrow('bad signature');
    expect(() => verifyToken(token, 'c', 'another-secret')).toThrow('bad signature');
    expect(() => verifyToken(token, 'u', SECRET)).toThrow('token is for "c", not "u"');
    expect(() => verifyToken(signToken(SECRET, payloads[2]), 'c', SECRET)).toThrow(TokenError);
    for (const junk of ['', '.', 'abc', `${token}.x`, token.replace('.', ''), `${token.split('.')[0]}.${'A'.repeat(42)}`, '%2F%2Fevil.example']) {
      expect(() => verifyToken(junk, 'c', SECRET), junk).toThrow(TokenError);
    }
  });
});

describe('prepareForSending', () => {
  const html = `<html><body><a href="https://shop.example/a?x=1&amp;y=2">A</a><a href='https://shop.example/a?x=1&y=2'>again</a>
    <a href="mailto:help@shop.example">mail</a><a href="#top">top</a><a href="/relative">rel</a><a href="HTTPS://SHOP.example/B">B</a></body></html>`;
  const base = { html, text: 'Hello', workspaceId: 'ws_a', customerId: 'cust_1', outboxId: outbox, secret: SECRET, publicUrl: 'https://mail.shop.example/' };

  it('tracks each distinct http(s) link once, in order, and leaves the rest alone', () => {
    const out = prepareForSending({ ...base, kind: 'marketing', shopName: 'Shop <&>' });
    expect(out.links).toEqual(['https://shop.example/a?x=1&y=2', 'https://shop.example/B']);
    const clicks = [...out.html.matchAll(/href="https:\/\/mail\.shop\.example\/t\/c\/([^"]+)"/g)].map((m) => verifyToken(m[1], 'c', SECRET).i);
    expect(clicks).toEqual([0, 0, 1]);
    for (const kept of ['mailto:help@shop.example', '#top', '/relative']) expect(out.html).toContain(`href="${kept}"`);
    expect(out.html).toContain('customer of Shop &lt;&amp;&gt;.');
    expect(out.html.indexOf('/t/o/')).toBeLessThan(out.html.indexOf('</body>'));
    const unsubscribe = /^<https:\/\/mail\.shop\.example\/u\/([^>]+)>$/.exec(out.headers['List-Unsubscribe'])!;
    expect(verifyToken(unsubscribe[1], 'u', SECRET)).toEqual(payloads[0]);
    expect(out.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Afterglow-Kind': 'marketing' });
    expect(out.text).toMatch(/Email preferences: https:\/\/mail\.shop\.example\/p\//);
  });

  it('marks transactional email and gives it no unsubscribe footer or header', () => {
    const out = prepareForSending({ ...base, kind: 'transactional' });
    expect(out.headers).toEqual({ 'X-Afterglow-Kind': 'transactional' });
    expect(out.html).not.toContain('/u/');
    expect(out.text).toBe('Hello');
    expect(out.links).toHaveLength(2);
  });
});

describe('topics', () => {
  it('the Send email node offers exactly the topics of the preference page', () => {
    const topic = (sendEmail.config as unknown as { shape: { topic: { unwrap(): { options: string[] } } } }).shape.topic.unwrap();
    expect(topic.options).toEqual(['', ...EMAIL_TOPICS.map((t) => t.id)]);
  });

  it('a marketing email names its topic in a header', () => {
    const out = prepareForSending({ html: '<body></body>', text: '', kind: 'marketing', topic: 'offers', workspaceId: 'ws_a',
      customerId: 'cust_1', outboxId: outbox, secret: SECRET, publicUrl: 'https://mail.shop.example' });
    expect(out.headers['X-Afterglow-Topic']).toBe('offers');
  });
});

describe('classifyHit', () => {
  const sentAt = new Date('2026-05-04T09:00:00Z');
  const later = new Date('2026-05-04T10:00:00Z');
  const person = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  it.each([
    [{ userAgent: person, ip: '203.0.113.9', sentAt, at: later }, null],
    [{ userAgent: person, ip: '203.0.113.9', sentAt, at: new Date(sentAt.getTime() + 2_000) }, 'prefetch'],
    [{ userAgent: 'Mozilla/5.0', ip: '203.0.113.9', sentAt, at: later }, 'apple_mpp'],
    [{ userAgent: person, ip: '17.58.101.12', sentAt, at: later }, 'apple_mpp'],
    [{ userAgent: person, ip: '::ffff:17.1.2.3', sentAt, at: later }, 'apple_mpp'],
    [{ userAgent: 'curl/8.5.0', ip: '203.0.113.9', sentAt, at: later }, 'user_agent'],
    [{ userAgent: 'Barracuda Sentinel (EE)', ip: '203.0.113.9', sentAt, at: later }, 'user_agent'],
    [{ userAgent: null, ip: '203.0.113.9', sentAt, at: later }, 'user_agent'],
  ])('%o is %s', (hit, expected) => {
    expect(classifyHit(hit)).toBe(expected);
  });
});
