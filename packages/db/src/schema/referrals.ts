// Referrals: every customer's own code (made when first needed: an email that shows it, or the
// code's first lookup), and each friend a code brought. A friend is referred once (the first code
// recognised for them wins): pending until their first order has stayed unrefunded for the
// workspace's qualifying period (completed) or a guard says no (refused, with the reason).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const referralCodes = pgTable('referral_codes', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  /** 8 characters of REFERRAL_CODE_ALPHABET (no 0/O/1/I/L), stored upper case. */
  code: text('code').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.customerId] }),
  uniqueIndex('referral_codes_code_uq').on(t.workspaceId, t.code),
]);

export const REFERRAL_STATES = ['pending', 'completed', 'refused'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
/** Why a referral was refused. */
export const REFERRAL_REFUSALS = ['self', 'same_email', 'same_address', 'existing_customer', 'order_refunded'] as const;
export type ReferralRefusal = (typeof REFERRAL_REFUSALS)[number];
/** What recognised the friend: the link's event, an identify's trait, or the code at checkout. */
export type ReferralSource = 'link' | 'identify' | 'order';

export const referrals = pgTable('referrals', {
  workspaceId: text('workspace_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  /** The friend. */
  customerId: text('customer_id').notNull(),
  referrerId: text('referrer_id').notNull(),
  code: text('code').notNull(),
  source: text('source').$type<ReferralSource>().notNull(),
  state: text('state').$type<ReferralState>().notNull().default('pending'),
  reason: text('reason').$type<ReferralRefusal>(),
  /** The friend's first order, once there is one. */
  orderId: text('order_id'),
  /** When the code was first seen for the friend (an earlier order makes them an existing customer). */
  recognisedAt: ts('recognised_at').notNull(),
  decidedAt: ts('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('referrals_friend_uq').on(t.workspaceId, t.customerId),
  index('referrals_referrer_idx').on(t.workspaceId, t.referrerId),
  index('referrals_pending_idx').on(t.workspaceId, t.recognisedAt).where(sql`state = 'pending'`),
  check('referrals_state_ck', sql`${t.state} in ('pending', 'completed', 'refused')`),
  check('referrals_reason_ck', sql`(${t.state} = 'refused') = (${t.reason} is not null)`),
]);

/**
 * Shipping addresses customers' orders and identify traits named, normalised (lower case, only
 * letters and digits): the self-referral guard compares the referrer's with the friend's.
 */
export const customerAddresses = pgTable('customer_addresses', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  addressKey: text('address_key').notNull(),
  seenAt: ts('seen_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.customerId, t.addressKey] }),
  index('customer_addresses_key_idx').on(t.workspaceId, t.addressKey),
]);
