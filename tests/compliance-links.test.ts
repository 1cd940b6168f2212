// The recipients' endpoints through the real HTTP front door: one-click unsubscribe (GET
// never unsubscribes), the preference page and the consent ledger, tampered tokens, open and
// click tracking with bots flagged, and a click that can only ever go where the email said.
import { inflateHtml, signToken } from '@afterglow/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startRig, WS, type Rig } from './support/compliance';

let rig: Rig;
let mail: { id: string; headers: Record<string, string>; html: string };
const SECRET = 'secret'; // seedWorkspace's signing_secret
const PERSON = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

beforeAll(async () => {
  rig = await startRig([{ id: 'ada', email: 'ada@example.com', firstName: 'Ada' }, { id: 'eve', email: 'eve@example.com', firstName: 'Eve' }]);
  await rig.order('ada', 'o-1');
  await rig.order('eve', 'o-2');
  await rig.dispatch();
  const [row] = await rig.db.sql`select id, headers, html_deflated from email_outbox where customer_id = 'ada' and node_id = 'mail'`;
  mail = { id: row.id, headers: row.headers, html: inflateHtml(row.html_deflated) };
});
afterAll(async () => { await rig?.close(); });

const unsubscribePath = () => new URL(mail.headers['List-Unsubscribe'].slice(1, -1)).pathname;
const pathOf = (kind: 'p' | 't/o' | 't/c') => {
  const match = new RegExp(`${rig.base}/(${kind}/[^"]+)"`).exec(mail.html)!;
  return `/${match[1]}`;
};
const consent = async () => (await rig.db.sql`select marketing_consent from customers where workspace_id = ${WS} and id = 'ada'`)[0].marketing_consent;
const ledger = () => rig.db.sql`select action, topic, source, outbox_id from consent_ledger where customer_id = 'ada' order by at, topic nulls first`;
const tamper = (path: string) => path.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);

describe('unsubscribe', () => {
  it('GET shows a confirmation page and changes nothing', async () => {
    const res = await rawRequest(rig.base, unsubscribePath(), { 'user-agent': 'Barracuda link scanner' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<form method="post">');
    expect(res.body).toContain('a•••@example.com');
    expect(await consent()).toBe(true);
    expect(await ledger()).toHaveLength(0);
  });

  it('a tampered token is refused with 400 on GET and POST and changes nothing', async () => {
    for (const method of ['GET', 'POST']) {
      expect((await rawRequest(rig.base, tamper(unsubscribePath()), {}, method, 'List-Unsubscribe=One-Click')).status).toBe(400);
    }
    // A valid token for another purpose, or signed with another secret, is no unsubscribe token.
    const open = pathOf('t/o').slice('/t/o/'.length, -'.gif'.length);
    expect((await rawRequest(rig.base, `/u/${open}`, {}, 'POST', '')).status).toBe(400);
    const forged = signToken('not-the-secret', { t: 'u', w: WS, c: 'ada' });
    expect((await rawRequest(rig.base, `/u/${forged}`, {}, 'POST', '')).status).toBe(400);
    expect(await consent()).toBe(true);
  });

  it('one-click POST without cookies unsubscribes once; repeating it is harmless', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await rawRequest(rig.base, unsubscribePath(), headers, 'POST', 'List-Unsubscribe=One-Click');
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(await consent()).toBe(false);
    const second = await rawRequest(rig.base, unsubscribePath(), headers, 'POST', 'List-Unsubscribe=One-Click');
    expect(second.status).toBe(200);
    expect(second.body).toContain('You are unsubscribed');
    expect(await ledger()).toEqual([{ action: 'opt_out', topic: null, source: 'one_click', outbox_id: mail.id }]);
    expect(await rig.db.sql`select type from email_events where outbox_id = ${mail.id} and type = 'unsubscribe'`).toHaveLength(1);
  });
});

describe('preference page', () => {
  it('shows the current choices and records every change in the consent ledger', async () => {
    const page = await rawRequest(rig.base, pathOf('p'));
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/name="marketing" data-testid/); // unticked: unsubscribed above
    expect(page.body).toMatch(/name="topic_offers" checked/);
    const saved = await rawRequest(rig.base, pathOf('p'), { 'content-type': 'application/x-www-form-urlencoded' }, 'POST',
      'marketing=on&topic_new_products=on&topic_reviews=on&topic_loyalty=on');
    expect(saved.body).toContain('Your preferences are saved.');
    expect(saved.body).toMatch(/name="marketing" checked/);
    expect(saved.body).toMatch(/name="topic_offers" data-testid/);
    expect(await consent()).toBe(true);
    expect((await ledger()).slice(1)).toEqual([
      { action: 'opt_in', topic: null, source: 'preferences', outbox_id: null },
      { action: 'opt_out', topic: 'offers', source: 'preferences', outbox_id: null },
    ]);
    const [prefs] = await rig.db.sql`select topics from customer_preferences where customer_id = 'ada'`;
    expect(prefs.topics).toEqual({ offers: false, new_products: true, reviews: true, loyalty: true });
    expect((await rawRequest(rig.base, tamper(pathOf('p')))).status).toBe(400);
  });
});

describe('open and click tracking', () => {
  it('counts a person opening and clicking; flags scanners, prefetch and Apple MPP without counting them', async () => {
    const pixel = pathOf('t/o');
    // The email was dispatched at the rig's current time: an immediate fetch is a prefetch.
    const prefetch = await rawRequest(rig.base, pixel, { 'user-agent': PERSON });
    expect(prefetch.status).toBe(200);
    expect(prefetch.headers['content-type']).toBe('image/gif');
    rig.clock.advance(10 * 60_000);
    await rawRequest(rig.base, pixel, { 'user-agent': 'Mozilla/5.0' });
    await rawRequest(rig.base, pixel, { 'user-agent': PERSON, 'x-forwarded-for': '17.58.1.2' });
    await rawRequest(rig.base, pixel, { 'user-agent': 'python-requests/2.32' });
    await rawRequest(rig.base, pixel, { 'user-agent': PERSON });
    await rawRequest(rig.base, pixel, { 'user-agent': PERSON });
    const click = await rawRequest(rig.base, pathOf('t/c'), { 'user-agent': PERSON });
    expect(click.status).toBe(302);
    expect(click.headers.location).toBe('https://shop.example/p/trail-runner?utm=mail&ref=1');
    expect(click.headers['referrer-policy']).toBe('no-referrer');
    const events = await rig.db.sql`select type, bot, bot_reason from email_events where outbox_id = ${mail.id} and type in ('open', 'click') order by at, bot_reason nulls last`;
    expect(events.map((e) => `${e.type}:${e.bot_reason ?? 'person'}`).sort()).toEqual(
      ['click:person', 'open:apple_mpp', 'open:apple_mpp', 'open:person', 'open:person', 'open:prefetch', 'open:user_agent'].sort());
    const stats = await rig.engine.stats(rig.versionId);
    expect(stats.nodes.mail.counters).toMatchObject({ emails: 2, opens: 1, clicks: 1, unsubscribes: 1 });
    expect(stats.nodes.receipt.counters.opens).toBeUndefined();
    expect((await rawRequest(rig.base, tamper(pixel))).status).toBe(400);
  });

  it('never redirects anywhere but the recorded URL', async () => {
    const click = pathOf('t/c');
    const token = click.slice('/t/c/'.length);
    const corpus = [
      '/t/c//evil.example', '/t/c/%2F%2Fevil.example', '/t/c/%2f%2fevil.example%2f', '/t/c/\\\\evil.example', '/t/c/%5C%5Cevil.example',
      '/t/c/javascript:alert(1)', '/t/c/https:%2F%2Fevil.example', '/t/c/https://evil.example', `/t/c/${token}/..%2F..%2Fevil.example`,
      `/t/c/${token}//evil.example`, `/t/c/${token}%2F%2Fevil.example`, `/t/c/${token}@evil.example`, tamper(click),
      `/t/c/${signToken(SECRET, { t: 'o', w: WS, o: mail.id })}`,
      `/t/c/${signToken('wrong', { t: 'c', w: WS, o: mail.id, i: 0 })}`,
    ];
    for (const path of corpus) {
      const res = await rawRequest(rig.base, path, { 'user-agent': PERSON });
      expect(res.headers.location, path).toBeUndefined();
      expect([400, 404], path).toContain(res.status);
    }
    // A query string cannot choose the target either.
    for (const query of ['?url=https://evil.example', '?next=//evil.example', '?redirect=javascript:alert(1)']) {
      const res = await rawRequest(rig.base, `${click}${query}`, { 'user-agent': PERSON });
      expect(res.headers.location).toBe('https://shop.example/p/trail-runner?utm=mail&ref=1');
    }
    // A validly signed index with no recorded link, and a recorded link that is not http(s), lead nowhere.
    const [{ count }] = await rig.db.sql`select count(*)::int as count from email_links where outbox_id = ${mail.id}`;
    expect(count).toBe(2);
    await rig.db.sql`insert into email_links (workspace_id, outbox_id, idx, url) values (${WS}, ${mail.id}, 7, 'javascript:alert(1)')`;
    for (const i of [2, 7, 999]) {
      const res = await rawRequest(rig.base, `/t/c/${signToken(SECRET, { t: 'c', w: WS, o: mail.id, i })}`);
      expect(res.status, `link ${i}`).toBe(404);
      expect(res.headers.location).toBeUndefined();
    }
    // The other recorded link still works.
    const blog = await rawRequest(rig.base, `/t/c/${signToken(SECRET, { t: 'c', w: WS, o: mail.id, i: 1 })}`, { 'user-agent': PERSON });
    expect(blog.headers.location).toBe('https://shop.example/blog');
  });
});

describe('limits', () => {
  it('refuses an oversized form body with 413 and changes nothing', async () => {
    const [row] = await rig.db.sql`select headers from email_outbox where customer_id = 'eve' and node_id = 'mail'`;
    const path = new URL(String(row.headers['List-Unsubscribe']).slice(1, -1)).pathname;
    const res = await rawRequest(rig.base, path, { 'content-type': 'application/x-www-form-urlencoded' }, 'POST', `x=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(413);
    const [eve] = await rig.db.sql`select marketing_consent from customers where workspace_id = ${WS} and id = 'eve'`;
    expect(eve.marketing_consent).toBe(true);
    expect((await rawRequest(rig.base, '/u/', {}, 'GET')).status).toBe(404);
    expect((await rawRequest(rig.base, path, {}, 'DELETE')).status).toBe(405);
  });
});
