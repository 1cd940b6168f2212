// sisimai's reason names (the corpus's expectations) as Afterglow's reasons: the table
// docs/email.md prints, and what the corpus test compares with.
import type { BounceReason } from '@afterglow/email';

export const SISIMAI_REASONS: Record<string, BounceReason> = {
  userunknown: 'user_unknown', hostunknown: 'host_unknown', notaccept: 'not_accepting', hasmoved: 'has_moved',
  mailboxfull: 'mailbox_full', systemfull: 'mailbox_full', suspend: 'suspended',
  blocked: 'blocked', badreputation: 'blocked', requireptr: 'blocked', toomanyconn: 'blocked', speeding: 'blocked', norelaying: 'blocked',
  spamdetected: 'spam', virusdetected: 'spam', filtered: 'filtered',
  policyviolation: 'policy', notcompliantrfc: 'policy', mesgtoobig: 'policy', exceedlimit: 'policy', contenterror: 'policy',
  rejected: 'rejected', authfailure: 'authentication', securityerror: 'authentication', failedstarttls: 'authentication',
  expired: 'expired', vacation: 'vacation', feedback: 'complaint', delivered: 'delivered',
  undefined: 'other', onhold: 'other', systemerror: 'other', networkerror: 'other', mailererror: 'other', syntaxerror: 'other',
};
