// From what a report says about one recipient to a reason and hard or soft. The words of the
// diagnostic come first (a "550 5.7.1 mailbox full" is full, whatever the code says); a
// specific enhanced status code (RFC 3463) next; a bare class last. Delays, auto-replies and
// delivery notices are never failures, so they are never hard.
import { OTHER_PATTERN, TEXT_PATTERNS } from './patterns';
import { statusIn } from './read-text';
import { isHardReason, type BounceReason } from './reasons';

export interface BounceFacts {
  /** Enhanced status code, e.g. "5.1.1". */
  status?: string | null;
  /** SMTP reply code, e.g. "550". */
  replyCode?: string | null;
  diagnostic?: string | null;
  /** DSN Action: failed, delayed, delivered, relayed, expanded. */
  action?: string | null;
  /** ARF Feedback-Type: abuse, fraud, virus, not-spam, other. */
  feedbackType?: string | null;
  /** The notice's own lines about the recipient: they may name the SMTP command refused. */
  context?: string | null;
}

export interface Classification {
  reason: BounceReason;
  hard: boolean;
}

// Enhanced status codes whose meaning is one reason whatever the text (RFC 3463, RFC 7505).
const STATUS_REASONS: Record<string, BounceReason> = {
  '1.1': 'user_unknown', '1.2': 'host_unknown', '1.3': 'user_unknown', '1.4': 'user_unknown', '1.6': 'has_moved',
  '1.7': 'rejected', '1.8': 'rejected', '1.10': 'not_accepting',
  '2.1': 'suspended', '2.2': 'mailbox_full', '2.3': 'policy', '3.1': 'mailbox_full', '3.2': 'not_accepting', '3.4': 'policy',
  '4.4': 'host_unknown', '4.7': 'expired', '5.3': 'policy', '5.4': 'policy', '6.0': 'policy', '6.1': 'policy',
  '7.0': 'blocked', '7.1': 'blocked', '7.7': 'policy', '7.23': 'authentication', '7.25': 'blocked', '7.26': 'authentication',
  '7.27': 'not_accepting', '7.8': 'authentication', '7.9': 'authentication', '7.10': 'authentication', '7.11': 'authentication',
  '7.13': 'suspended', '7.14': 'authentication', '7.15': 'authentication', '7.16': 'mailbox_full', '7.17': 'suspended', '7.18': 'suspended', '7.20': 'authentication',
  '7.21': 'authentication', '7.22': 'authentication', '7.24': 'authentication',
};

/**
 * "User unknown" is the mailbox's absence only when the code says so (x.1.1) or the server said
 * it at RCPT TO; said after the message was sent, or with no telling when, it is a filter's
 * answer (the reading of sisimai and of mail administrators).
 */
function userUnknownConfirmed(facts: BounceFacts, text: string): boolean {
  if (statusKey(facts.status).startsWith('1.') || statusKey(statusIn(text)).startsWith('1.')) return true;
  if (NAMED_ABSENT.test(text)) return true;
  const said = `${text} ${facts.context ?? ''}`;
  return !AFTER_DATA.test(said) && RCPT_COMMAND.test(said);
}

export function reasonOfText(text: string): BounceReason | null {
  for (const [reason, pattern] of TEXT_PATTERNS) if (pattern.test(text)) return reason;
  return null;
}

const DNS_TROUBLE = /(name service|dns|name ?server).{0,80}(try again|malformed|temporar|timed? ?out|servfail)|(try again|temporar).{0,40}(dns|name ?server)/i;
// Wordings that say the mailbox is missing in so many words (not a bare "user unknown").
const NAMED_ABSENT = /not recognized|not listed in|invalid final delivery|no valid recipients|(couldn't|could not) be found|mailbox (is )?unavailable|mailbox not found|destinataire invalide|invalid recipient|did not reach the following recipient|delivery error: dd |mail\.local: unknown user|check if (the )?address is correct/i;
// Postfix words a refusal at RCPT TO as "<address>: ... User unknown".
const RCPT_COMMAND = /RCPT|does not like recipient|<[^<>\s]+@[^<>\s]+>:\s*(recipient address rejected|user unknown)/i;
const AFTER_DATA = /after (end of )?data|>>> DATA|SMTP command:? DATA|reply to (end of )?DATA/i;
const FIXED_STATUS = new Set(['1.2', '1.7', '1.8', '1.10', '2.2', '3.2', '7.25', '7.27', '4.7', '1.6']);
const statusKey = (status: string | null | undefined) => /^[245]\.(\d{1,3}\.\d{1,3})$/.exec(status ?? '')?.[1] ?? '';

function reasonOfStatus(status: string | null | undefined): BounceReason | null {
  return STATUS_REASONS[statusKey(status)] ?? null;
}

export function classifyBounce(facts: BounceFacts): Classification {
  const feedback = facts.feedbackType?.trim().toLowerCase();
  // Every feedback report is read as one; which of them suppress is the caller's choice.
  if (feedback) return { reason: 'complaint', hard: false };
  const action = facts.action?.trim().toLowerCase() ?? '';
  if (/^(delivered|relayed|expanded)/.test(action) || /^2\./.test(facts.status ?? '')) return { reason: 'delivered', hard: false };
  const text = facts.diagnostic ?? '';
  let reason = reasonOfText(text) ?? reasonOfStatus(facts.status);
  // Codes that mean one thing whatever the words ("Sender address rejected" is no unknown user).
  const fixed = FIXED_STATUS.has(statusKey(facts.status)) ? reasonOfStatus(facts.status) : null;
  if (fixed) reason = fixed;
  // "User unknown" under a status about the content (5.6.x), or said
  // after the message was sent (DATA), is a filter's answer, not a missing mailbox.
  else if ((reason === 'user_unknown' || reason === 'host_unknown') && statusKey(facts.status).startsWith('6.')) {
    reason = reasonOfStatus(facts.status) ?? 'other';
  } else if (reason === 'user_unknown' && !userUnknownConfirmed(facts, text)) reason = 'filtered';
  // A name server that failed to answer says nothing about the domain yet.
  else if (reason === 'host_unknown' && DNS_TROUBLE.test(text)) reason = 'other';
  if (!reason) reason = OTHER_PATTERN.test(text) ? 'other' : /^4/.test(facts.status ?? '') && !text ? 'expired' : 'other';
  // A delay that has not given up yet is not a failure, whatever the words.
  if (action.startsWith('delayed')) return { reason: 'delayed', hard: false };
  // A temporary failure (4.x.x, 4xx) is retried by the sender: it never suppresses.
  const temporary = /^4/.test(facts.status ?? '') || (!facts.status && /^4/.test(facts.replyCode ?? ''));
  return { reason, hard: isHardReason(reason, temporary) };
}

/**
 * A refusal someone already called a permanent failure (an SMTP 5xx reply at sending, a relay's
 * "bounce"): hard unless its words name a soft cause (a full mailbox, a block, a filter, ...) or
 * it was only temporary. Words that say nothing recognisable leave it hard, as the sender said.
 */
export function isHardRefusal(facts: BounceFacts): boolean {
  const { reason, hard } = classifyBounce(facts);
  const temporary = /^4/.test(facts.status ?? '') || /^4/.test(facts.replyCode ?? '');
  return hard || (reason === 'other' && !temporary);
}
