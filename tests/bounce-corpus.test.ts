// 626 real bounce, delay, auto-reply and complaint mails from many mail servers (sisimai's
// public corpus, tests/corpus/bounces): how far Afterglow's reading agrees with sisimai's,
// printed per class, with floors at the figures reached (minus a small margin) so a regression
// fails; no delay or auto-reply is ever hard; and every mail through the real webhook gets a
// 2xx or a 4xx naming what is wrong, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, compareCorpus, corpusMail, expected, perReason, type Comparison } from './support/bounce-corpus';
import { INGEST_KEY, startRig, type Rig } from './support/compliance';

let comparisons: Comparison[];
let unread: string[];
beforeAll(async () => { ({ comparisons, unread } = await compareCorpus()); });

describe('the bounce corpus read as a mail administrator would', () => {
  it('agrees with sisimai on reason, hard or soft, complaints and recipients', () => {
    const figures = agreements(comparisons);
    const line = (name: string, a: { agreed: number; of: number; percent: number }) => `${name.padEnd(22)} ${String(a.percent).padStart(5)}%  (${a.agreed}/${a.of})`;
    console.log(['Bounce corpus agreement with sisimai:', ...Object.entries(figures).map(([k, a]) => line(k, a)),
      `unread (4xx) mails with an expectation: ${unread.length}`, 'Reason agreement per sisimai reason:',
      ...perReason(comparisons).map(([r, a]) => `  ${line(r, a)}`)].join('\n'));
    // Floors: the figures reached, less a small margin.
    expect(figures.hardVsSoft.percent).toBeGreaterThanOrEqual(95.5);
    expect(figures.complaint.percent).toBeGreaterThanOrEqual(95);
    expect(figures.notComplaint.percent).toBeGreaterThanOrEqual(99);
    expect(figures.reason.percent).toBeGreaterThanOrEqual(73.5);
    expect(figures.recipient.percent).toBeGreaterThanOrEqual(94.5);
  });

  it('never takes a delay, an auto-reply or a delivery for a hard bounce', () => {
    const notFailures = comparisons.filter((c) => ['vacation', 'delivered'].includes(c.want.reason) || /^4/.test(c.want.status));
    expect(notFailures.length).toBeGreaterThan(20);
    expect(notFailures.filter((c) => c.got?.hard).map((c) => c.file)).toEqual([]);
    expect(comparisons.filter((c) => c.got && ['delayed', 'vacation', 'delivered', 'complaint'].includes(c.got.reason) && c.got.hard)).toEqual([]);
  });
});

describe('every corpus mail through the webhook', () => {
  let rig: Rig;
  beforeAll(async () => { rig = await startRig([{ id: 'ada', email: 'ada@example.com', firstName: 'Ada' }]); });
  afterAll(async () => { await rig?.close(); });

  it('answers 200 or a 4xx naming the field, never a 5xx, and suppresses no one it did not email', async () => {
    const authorization = `Basic ${Buffer.from(`${INGEST_KEY}:`).toString('base64')}`;
    const statuses: Record<number, number> = {};
    for (const file of Object.keys(expected)) {
      const res = await fetch(`${rig.base}/webhooks/bounces`, { method: 'POST', headers: { authorization, 'content-type': 'message/rfc822' }, body: corpusMail(file) });
      const body = await res.json() as { issues?: Array<{ path: string }> };
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status, file).toBeLessThan(500);
      if (res.status >= 400) expect(body.issues?.[0]?.path, file).toBeTruthy();
    }
    console.log('Corpus through POST /webhooks/bounces, by HTTP status:', statuses);
    expect(await rig.db.sql`select address from email_suppressions`).toEqual([]);
  });
});
