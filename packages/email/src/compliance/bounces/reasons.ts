// Why a mail server refused an email, in the words a shop owner reads, and what each reason
// means for the address: a hard reason says the address will never work (the mailbox or the
// domain does not exist, the person moved), so it is suppressed at once; every other reason is
// soft (the mailbox is full, the sender was blocked or filtered, the message waited too long),
// so the customer can still be reached later. Follows the reading of mail administrators as the
// sisimai library writes it down (its reasons map onto these, see docs/email.md).
export const BOUNCE_REASONS = [
  'user_unknown', // the mailbox does not exist
  'host_unknown', // the domain does not exist or has no mail server
  'not_accepting', // the domain accepts no mail at all (null MX)
  'has_moved', // the person moved and left a new address
  'mailbox_full', // over quota, or the mail server's disk is full
  'suspended', // the mailbox is disabled or inactive for now
  'blocked', // the sending server or IP is refused (reputation, blocklist, reverse DNS, rate)
  'spam', // the message was judged spam, or carried a virus
  'filtered', // the recipient's own filter refused it
  'policy', // the message broke a rule of the receiving side (size, content, RFC compliance)
  'rejected', // the sender address was refused
  'authentication', // SPF, DKIM, DMARC, TLS or authentication failed
  'expired', // the sending server gave up after retrying
  'delayed', // still retrying: nothing failed yet
  'vacation', // an auto-reply (out of office), not a bounce
  'complaint', // the recipient marked the email as spam (or fraud, virus)
  'delivered', // a report of a successful delivery
  'other', // a server or network failure, or nothing recognisable
] as const;
export type BounceReason = (typeof BOUNCE_REASONS)[number];

/** Reasons that mean the address will never work (unless the failure was only temporary, 4xx). */
const HARD_REASONS: ReadonlySet<BounceReason> = new Set(['user_unknown', 'host_unknown', 'has_moved', 'not_accepting']);

/** Reasons that are no bounce at all and so never count against the address. */
export const NOT_A_FAILURE: ReadonlySet<BounceReason> = new Set(['delayed', 'vacation', 'delivered']);

/** Whether `reason` means the address is gone for good; a temporary (4xx) failure never is. */
export function isHardReason(reason: BounceReason, temporary: boolean): boolean {
  return !temporary && HARD_REASONS.has(reason);
}
