// Settings of a journey (copied into the plan at publish) and of a workspace (read by the
// engine at send time). Shared by the API, the engine and the web forms.
import { LOCALES } from '@afterglow/i18n';
import { isValidTimeZone } from '@afterglow/node-sdk';
import { z } from 'zod';

export const reentrySchema = z.discriminatedUnion('mode', [
  /** As the trigger decides: once per event, or once per value of its "enter once per" property. */
  z.object({ mode: z.literal('trigger') }),
  z.object({ mode: z.literal('once') }),
  z.object({ mode: z.literal('cooldown'), days: z.number().int('Whole days').min(1, 'At least 1 day').max(3650, 'At most 3650 days') }),
]);

export const goalSchema = z.object({
  event: z.string().trim().min(1, 'Name the goal event, e.g. Order Completed').max(200),
  /** Only an event carrying the same value of this trigger property counts (e.g. order_id). */
  matchTriggerProperty: z.string().trim().max(100).default(''),
});

/**
 * What counts as the journey's conversion and for how long (docs/analytics.md). `conversion`:
 * 'order' (a placed order, from Order Completed or a Shopify order) or 'none' (the journey
 * takes no credit: order confirmations and other service mail). `windowDays`: an order within
 * this many days of the customer's latest email from the journey (sent, opened or clicked) is
 * credited to it. `liftDays`: how long after a Holdout or A/B split step the customer's orders
 * count for comparing the groups.
 */
export const attributionSchema = z.object({
  conversion: z.enum(['order', 'none'], { error: 'conversion must be order or none' }).default('order'),
  windowDays: z.number({ error: 'windowDays must be a number' }).int('windowDays must be a whole number of days')
    .min(1, 'windowDays is at least 1 day').max(90, 'windowDays is at most 90 days').default(5),
  liftDays: z.number({ error: 'liftDays must be a number' }).int('liftDays must be a whole number of days')
    .min(1, 'liftDays is at least 1 day').max(365, 'liftDays is at most 365 days').default(30),
});
export const ATTRIBUTION_DEFAULTS = attributionSchema.parse({});

/**
 * The journey-level holdout (docs/analytics.md): this share of entrants, picked by a hash of the
 * journey and the customer (the same customer lands in the same group every time they enter),
 * gets nothing from the journey; their orders are set against the treated entrants' for lift.
 * 0 (the default) holds no one out.
 */
export const journeyHoldoutSchema = z.object({
  percent: z.number({ error: 'holdout.percent must be a number' }).int('holdout.percent must be a whole percent')
    .min(0, 'holdout.percent is at least 0%').max(90, 'holdout.percent is at most 90%').default(0),
});

/** run_groups' name of the journey-level holdout's groups: '<this>:in' treated, '<this>:out' held out. */
export const JOURNEY_HOLDOUT_GROUP = 'entry:holdout';

export const journeySettingsSchema = z.object({
  reentry: reentrySchema.default({ mode: 'trigger' }),
  goal: goalSchema.nullable().default(null),
  attribution: attributionSchema.default(ATTRIBUTION_DEFAULTS),
  holdout: journeyHoldoutSchema.default({ percent: 0 }),
});
export type JourneySettings = z.output<typeof journeySettingsSchema>;

const hour = z.number().int('Whole hours').min(0, 'Hours are 0–23').max(23, 'Hours are 0–23');

/** Rules marketers set for their journeys' email. */
export const sendingRulesSchema = z.object({
  /** The playbook's "once a week is enough": a cap on marketing email across all journeys. */
  frequencyCap: z.object({
    enabled: z.boolean(),
    maxEmails: z.number().int().min(1, 'At least 1 email').max(100),
    perDays: z.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
  }).default({ enabled: false, maxEmails: 1, perDays: 7 }),
  /** No marketing email between these local hours in the customer's time zone. */
  quietHours: z.object({ enabled: z.boolean(), startHour: hour, endHour: hour })
    .default({ enabled: false, startHour: 21, endHour: 8 }),
  /** Count opens and clicks flagged as a machine's (scanners, prefetch, Apple MPP) on the canvas and templates. */
  countMachineOpens: z.boolean({ error: 'countMachineOpens must be true or false' }).default(false),
});
export type SendingRules = z.output<typeof sendingRulesSchema>;

const testRecipient = z.string({ error: 'Each test recipient must be an email address' }).trim().toLowerCase()
  .pipe(z.email({ error: 'Each test recipient must be an email address, such as team@yourshop.com' }).max(254, 'An email address is at most 254 characters'));

/**
 * Limits that protect the shop's sending reputation and its mail provider account, kept by
 * the owner (and admins): what a marketer may send, not how a journey sends.
 */
export const sendingLimitsSchema = z.object({
  /**
   * Emails of any kind the workspace hands to SMTP in any 60 seconds, across every worker
   * (enforced by the outbox dispatcher through Postgres); 0 means no limit. The default is
   * DEFAULT_EMAILS_PER_MINUTE of @afterglow/email (this package stays free of server code).
   */
  emailsPerMinute: z.number({ error: 'emailsPerMinute must be a number' }).int('emailsPerMinute must be a whole number')
    .min(0, 'emailsPerMinute must be 0 (no limit) or more').max(100_000, 'emailsPerMinute is at most 100,000').default(600),
  /**
   * Addresses besides the workspace's own users that may receive test emails (which carry
   * whatever a draft holds): a shared inbox, an agency, a seed-list tester.
   */
  testRecipients: z.array(testRecipient).max(50, 'At most 50 test recipients').default([])
    .transform((addresses) => [...new Set(addresses)]),
});
export type SendingLimits = z.output<typeof sendingLimitsSchema>;

/**
 * When a checkout counts as abandoned: this many minutes after its last activity, with no
 * completion and no order of the customer since it started (the engine's checkouts job).
 * Kept in workspaces.settings.checkouts; the engine reads a missing value as the default.
 */
export const ABANDONED_AFTER_MINUTES_DEFAULT = 60;
export const checkoutSettingsSchema = z.object({
  abandonedAfterMinutes: z.number({ error: 'abandonedAfterMinutes must be a number' })
    .int('abandonedAfterMinutes must be a whole number of minutes')
    .min(10, 'abandonedAfterMinutes is at least 10 minutes').max(10_080, 'abandonedAfterMinutes is at most 10,080 minutes (7 days)')
    .default(ABANDONED_AFTER_MINUTES_DEFAULT),
});
export type CheckoutSettings = z.output<typeof checkoutSettingsSchema>;

/**
 * When soft bounces (a full mailbox, a block, a spam filter) suppress an address: after
 * softLimit of them within softWindowDays with no delivery to the address in between. Three in
 * thirty days: a weekly newsletter reaches it after three weeks of bouncing, a mailbox full for
 * that long is most likely abandoned, and one full week (or a blocklisting fixed in days) does
 * not lose the customer. Kept in workspaces.settings.bounces.
 */
export const bounceSettingsSchema = z.object({
  softLimit: z.number({ error: 'softLimit must be a number' }).int('softLimit must be a whole number')
    .min(2, 'softLimit is at least 2 soft bounces').max(20, 'softLimit is at most 20 soft bounces').default(3),
  softWindowDays: z.number({ error: 'softWindowDays must be a number' }).int('softWindowDays must be a whole number of days')
    .min(1, 'softWindowDays is at least 1 day').max(365, 'softWindowDays is at most 365 days').default(30),
  /**
   * The domain of the return path (envelope sender) every email goes out with:
   * bounces+<token>@<domain>, one address per email (VERP), so a bounce names the email it
   * answers. Its MX must lead to Afterglow's bounce listener or a mailbox forwarded to the
   * webhook (docs/email.md, "Matching a report to its email"). Null or absent: no VERP, bounces
   * go to the From address. Optional, so a save without it keeps what is stored.
   */
  returnPathDomain: z.string({ error: 'returnPathDomain must be a domain name' }).trim().toLowerCase()
    .max(253, 'returnPathDomain is at most 253 characters')
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'returnPathDomain must be a domain name such as bounces.yourshop.com')
    .nullable().optional(),
});
export type BounceSettings = z.output<typeof bounceSettingsSchema>;

/** Everything the workspace stores about sending, as the engine reads it. */
export const workspaceSettingsSchema = sendingRulesSchema.extend(sendingLimitsSchema.shape);
export type WorkspaceSettings = z.output<typeof workspaceSettingsSchema>;

/** A zone name Intl knows (the server's and the browser's ICU), never a bare UTC offset. */
function isShopTimeZone(zone: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && isValidTimeZone(zone);
}

/**
 * What the shop is called in its emails and where its links (products, review forms) point; the
 * language of a customer whose own is unknown or unsupported, and the currency of an amount that
 * names none.
 */
export const shopSettingsSchema = z.object({
  name: z.string({ error: 'Shop name is required' }).trim().min(1, 'Shop name must not be empty').max(100, 'Shop name is at most 100 characters')
    .refine((s) => !/[\r\n]/.test(s), 'Shop name must be a single line'),
  url: z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Shop URL must be an https address such as https://shop.example.com' })
    .max(500, 'Shop URL is at most 500 characters')
    // No query or fragment: paths are appended to it (/products/…/review).
    .refine((u) => !/[?#]/.test(u), 'Shop URL must not carry a query (?) or fragment (#)'),
  // Optional on save (a form that predates them keeps what is stored); read with the defaults.
  locale: z.enum(LOCALES, { error: `Default language must be one of ${LOCALES.join(', ')}` }).optional(),
  currency: z.string({ error: 'Currency must be a three-letter code' }).trim().toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code such as EUR, RSD or RUB').optional(),
  /**
   * The shop's IANA time zone: when the weekly digest goes out (Monday 08:00 there) and where the
   * Loyalty page's days, weeks and months start.
   * A zone name only ("Europe/Belgrade", "UTC"): a bare offset like "+01:00" is refused, as
   * PostgreSQL reads such POSIX offsets with the sign reversed.
   */
  timeZone: z.string({ error: 'Time zone must be an IANA time zone such as Europe/Belgrade' }).trim().max(64, 'Time zone must be an IANA time zone such as Europe/Belgrade')
    .refine(isShopTimeZone, 'Time zone must be an IANA time zone such as Europe/Belgrade')
    // As Intl spells it ("europe/belgrade" is Europe/Belgrade): PostgreSQL matches names exactly.
    .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone).optional(),
});
export type ShopSettings = z.output<typeof shopSettingsSchema>;

/** Settings as stored may predate a field: parse with defaults, never fail a send on them. */
export function readJourneySettings(raw: unknown): JourneySettings {
  const parsed = journeySettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : journeySettingsSchema.parse({});
}

export function readWorkspaceSettings(raw: unknown): WorkspaceSettings {
  const parsed = workspaceSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : workspaceSettingsSchema.parse({});
}
