// Reading DSN (RFC 3464) and ARF (RFC 5965) reports: which ones are hard bounces or
// complaints, and which part a broken report lacks. (The corpus of real mails: corpus.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseDeliveryReport, parseFieldBlocks, ReportError } from './reports';

const report = (type: string, parts: ReadonlyArray<readonly [string, string]>) => [
  'From: MAILER-DAEMON@mx.example.net', 'To: shop@afterglow.test', 'Subject: report', 'MIME-Version: 1.0',
  `Content-Type: multipart/report; report-type=${type}; boundary="b1"`, '',
  ...parts.flatMap(([headers, body]) => ['--b1', headers, '', body]), '--b1--', '',
].join('\r\n');
const original = ['Content-Type: message/rfc822', 'From: shop@afterglow.test\r\nTo: ada@example.org\r\nMessage-ID: <r1.mail@afterglow>\r\n\r\nHi'] as const;
const ct = (type: string) => `Content-Type: ${type}`;

describe('parseFieldBlocks', () => {
  it('splits blocks, joins folded lines and lower-cases names', () => {
    expect(parseFieldBlocks('Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; a@b\r\nDiagnostic-Code: smtp; 550\r\n  user unknown\r\n'))
      .toEqual([{ 'reporting-mta': 'dns; mx' }, { 'final-recipient': 'rfc822; a@b', 'diagnostic-code': 'smtp; 550 user unknown' }]);
  });
});

describe('parseDeliveryReport', () => {
  it('finds the failed recipient among several and reads a base64 text/rfc822-headers part', async () => {
    const headers = Buffer.from('To: ada@example.org\r\nMessage-ID: <r2.mail@afterglow>\r\n').toString('base64');
    const dsn = report('delivery-status', [
      [ct('text/plain'), 'Could not deliver.'],
      [ct('message/delivery-status'), 'Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; bob@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\nFinal-Recipient: rfc822; Ada@Example.org\r\nAction: failed\r\nStatus: 5.2.1\r\nDiagnostic-Code: smtp; 550 mailbox disabled'],
      [`${ct('text/rfc822-headers')}\r\nContent-Transfer-Encoding: base64`, headers],
    ]);
    // A disabled mailbox (5.2.1) is suspended, a soft bounce: recorded, never suppressed.
    expect(await parseDeliveryReport(dsn)).toMatchObject({
      type: 'bounce', messageId: '<r2.mail@afterglow>', address: 'ada@example.org', reason: 'suspended', hard: false,
      status: '5.2.1', diagnostic: '550 mailbox disabled', detail: 'action failed 5.2.1 550 mailbox disabled',
    });
    expect((await parseDeliveryReport(dsn)).recipients.map((r) => [r.address, r.reason])).toEqual([['bob@example.org', 'delayed'], ['ada@example.org', 'suspended']]);
  });

  it('a failed action with a 4.x.x status is a soft bounce; an unknown user is hard', async () => {
    const dsn = (status: string, diagnostic = '') => report('delivery-status', [[ct('message/delivery-status'), `Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; a@b.c\r\nAction: failed\r\nStatus: ${status}${diagnostic}`], original]);
    expect(await parseDeliveryReport(dsn('4.2.2'))).toMatchObject({ type: 'bounce', reason: 'mailbox_full', hard: false, messageId: '<r1.mail@afterglow>' });
    expect(await parseDeliveryReport(dsn('5.7.1', '\r\nDiagnostic-Code: smtp; 550 5.7.1 Mailbox full'))).toMatchObject({ type: 'bounce', reason: 'mailbox_full', hard: false });
    expect(await parseDeliveryReport(dsn('5.1.1'))).toMatchObject({ type: 'bounce', reason: 'user_unknown', hard: true });
  });

  it('an ARF not-spam report is no complaint; fraud is', async () => {
    const arf = (type: string) => report('feedback-report', [[ct('message/feedback-report'), `Feedback-Type: ${type}\r\nVersion: 1`], original]);
    expect(await parseDeliveryReport(arf('not-spam'))).toMatchObject({ type: 'ignored' });
    expect(await parseDeliveryReport(arf('fraud'))).toMatchObject({ type: 'complaint', messageId: '<r1.mail@afterglow>', address: 'ada@example.org', reason: 'complaint' });
  });

  it('names the part or field a broken report lacks', async () => {
    const fieldOf = (raw: string) => parseDeliveryReport(raw).then(() => null, (e: ReportError) => e.field);
    expect(await fieldOf(report('delivery-status', [[ct('text/plain'), 'hi'], original]))).toBe('message/delivery-status');
    expect(await fieldOf(report('delivery-status', [[ct('message/delivery-status'), 'Reporting-MTA: dns; mx']]))).toBe('Final-Recipient');
    expect(await fieldOf(report('feedback-report', [[ct('message/feedback-report'), 'Version: 1'], original]))).toBe('Feedback-Type');
    expect(await fieldOf('Subject: hello\r\n\r\nplain mail')).toBe('Content-Type');
  });

  it('a part cut short after its Content-Type name is a part of no type, not an error', async () => {
    const cut = report('delivery-status', []).replace('--b1--\r\n', '--b1\r\nContent-Type:');
    expect(await parseDeliveryReport(cut).catch((e: Error) => e.constructor.name)).toBe('ReportError');
  });
});
