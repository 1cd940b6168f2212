// The referral programme's one setting: how long a referred friend's first order must stay
// unrefunded and uncancelled before the referral completes (so a returned order rewards no one).
// Kept in workspaces.settings.referrals; the engine's referrals job reads a missing value as the default.
import { z } from 'zod';

export const QUALIFYING_DAYS_DEFAULT = 14;
export const QUALIFYING_DAYS_MAX = 365;

export const referralSettingsSchema = z.object({
  qualifyingDays: z.number({ error: 'qualifyingDays must be a number' })
    .int('qualifyingDays must be a whole number of days')
    .min(0, 'qualifyingDays is at least 0 days').max(QUALIFYING_DAYS_MAX, `qualifyingDays is at most ${QUALIFYING_DAYS_MAX} days`)
    .default(QUALIFYING_DAYS_DEFAULT),
});
export type ReferralSettings = z.output<typeof referralSettingsSchema>;

/** Settings as stored may predate the field or be hand-edited: read with the default, never fail on them. */
export function readReferralSettings(raw: unknown): ReferralSettings {
  const parsed = referralSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : referralSettingsSchema.parse({});
}

/** Stored by the public referral link (/ref/:workspace/:code): properties code, referrer_id. */
export const REFERRAL_LINK_OPENED = 'Referral Link Opened';
