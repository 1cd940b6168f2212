// The sections of workspaces.settings that Settings cards edit whole, each declared once.
import {
  bounceSettingsSchema, checkoutSettingsSchema, loyaltySettingsSchema, readLoyaltySettings,
  readReferralSettings, referralSettingsSchema, senderIdentitySchema,
} from '@afterglow/journey-core';
import { workspaceSettingsSection } from './workspace-settings';

export const loyaltySettingsSection = workspaceSettingsSection('loyalty', loyaltySettingsSchema, readLoyaltySettings);
export const referralSettingsSection = workspaceSettingsSection('referrals', referralSettingsSchema, readReferralSettings);
export const checkoutSettingsSection = workspaceSettingsSection('checkouts', checkoutSettingsSchema);
export const bounceSettingsSection = workspaceSettingsSection('bounces', bounceSettingsSchema);
/** The workspace's default sender (name, address, reply-to): a template may override it. */
export const senderSettingsSection = workspaceSettingsSection('sender', senderIdentitySchema);
