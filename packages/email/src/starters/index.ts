// The starter templates shipped with Afterglow, in the order the Templates page offers them.
import { birthdayGreeting, crossSell, pointsBalance, replenishmentReminder, satisfactionSurvey, winBack } from './lifecycle';
import { orderConfirmation, reviewRequest, shippingNotice } from './orders';
import type { StarterTemplate } from './types';

export type { StarterLocale, StarterTemplate, StarterVariant } from './types';

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  orderConfirmation, shippingNotice, reviewRequest, replenishmentReminder, birthdayGreeting,
  crossSell, winBack, satisfactionSurvey, pointsBalance,
];

export function starterTemplate(key: string): StarterTemplate | undefined {
  return STARTER_TEMPLATES.find((s) => s.key === key);
}
