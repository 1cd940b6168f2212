// The starter templates shipped with Afterglow, in the order the Templates page offers them.
import { birthdayGreeting, crossSell, pointsBalance, replenishmentReminder, satisfactionSurvey, winBack } from './lifecycle';
import { orderConfirmation, reviewRequest, shippingNotice } from './orders';
import { toLatin, type Locale } from '@afterglow/i18n';
import type { StarterTemplate } from './types';

export type { StarterLocale, StarterTemplate, StarterVariant } from './types';

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  orderConfirmation, shippingNotice, reviewRequest, replenishmentReminder, birthdayGreeting,
  crossSell, winBack, satisfactionSurvey, pointsBalance,
];

export function starterTemplate(key: string): StarterTemplate | undefined {
  return STARTER_TEMPLATES.find((s) => s.key === key);
}

/** The starter's name and description as a reader of `locale` sees them (Serbian Latin transliterated). */
export function starterTitle(starter: StarterTemplate, locale: Locale): { name: string; description: string } {
  if (locale === 'en') return { name: starter.name, description: starter.description };
  const title = starter.titles[locale === 'sr-Cyrl' || locale === 'sr-Latn' ? 'sr' : locale];
  return locale === 'sr-Latn' ? { name: toLatin(title.name), description: toLatin(title.description) } : title;
}
