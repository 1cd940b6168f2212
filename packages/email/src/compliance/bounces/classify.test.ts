// The classifier on its own: the words before the code, hard only for an address that will
// never work, never hard for a delay or a temporary failure. (The 626 real mails:
// tests/bounce-corpus.test.ts.)
import { describe, expect, it } from 'vitest';
import { classifyBounce, isHardRefusal } from './classify';

describe('classifyBounce', () => {
  it.each([
    [{ status: '5.1.1', diagnostic: '550 5.1.1 <a@b.c>: Recipient address rejected: User unknown in local recipient table' }, 'user_unknown', true],
    [{ status: '5.7.1', diagnostic: '550 5.7.1 Mailbox full' }, 'mailbox_full', false],
    [{ status: '5.2.2', diagnostic: '' }, 'mailbox_full', false],
    [{ status: '5.1.2', diagnostic: 'Host or domain name not found' }, 'host_unknown', true],
    [{ status: '5.4.4', diagnostic: 'Name service error for name=example.org type=MX: Host not found, try again' }, 'other', false],
    [{ status: '5.7.1', diagnostic: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org' }, 'blocked', false],
    [{ status: '5.7.1', diagnostic: '550 5.7.1 Message rejected as spam' }, 'spam', false],
    [{ status: '5.7.26', diagnostic: 'Unauthenticated email from example.com is not accepted due to its DMARC policy' }, 'authentication', false],
    [{ status: '5.2.1', diagnostic: 'The email account that you tried to reach is disabled' }, 'suspended', false],
    [{ status: '5.0.0', diagnostic: '550 Unknown user a@b.c (in reply to end of DATA command)' }, 'filtered', false],
    [{ status: '5.1.6', diagnostic: '' }, 'has_moved', true],
    [{ status: '4.1.1', diagnostic: '450 4.1.1 Recipient address rejected: User unknown' }, 'user_unknown', false],
    [{ status: '4.4.7', diagnostic: 'retry timeout exceeded' }, 'expired', false],
  ])('%o → %s, hard %s', (facts, reason, hard) => {
    expect(classifyBounce(facts)).toEqual({ reason, hard });
  });

  it('a delay, a delivery and a feedback report are never hard, whatever the words', () => {
    const words = { status: '5.1.1', diagnostic: 'User unknown' };
    expect(classifyBounce({ ...words, action: 'delayed' })).toEqual({ reason: 'delayed', hard: false });
    expect(classifyBounce({ ...words, action: 'delivered' })).toEqual({ reason: 'delivered', hard: false });
    expect(classifyBounce({ ...words, feedbackType: 'abuse' })).toEqual({ reason: 'complaint', hard: false });
  });
});

describe('isHardRefusal (an SMTP 5xx at sending, a relay\'s "bounce")', () => {
  it('is hard unless the words name a soft cause or the failure was temporary', () => {
    expect(isHardRefusal({ replyCode: '550', diagnostic: 'rejected' })).toBe(true);
    expect(isHardRefusal({ replyCode: '550', diagnostic: '5.1.1 No such user', status: '5.1.1' })).toBe(true);
    expect(isHardRefusal({ replyCode: '552', diagnostic: '5.2.2 Mailbox full', status: '5.2.2' })).toBe(false);
    expect(isHardRefusal({ replyCode: '554', diagnostic: 'Your IP is on a blocklist' })).toBe(false);
    expect(isHardRefusal({ replyCode: '451', diagnostic: 'try again later' })).toBe(false);
  });
});
