// The unsubscribe footer in the language of the email it closes (the variant's locale), so a
// Serbian or Russian email does not end in English. Serbian is written once, in Cyrillic; the
// Latin texts are its transliteration.
import { toLatin, type Locale } from '@afterglow/i18n';

export interface FooterTexts {
  /** Why the customer gets the email; `shop` is replaced by the (escaped) shop name. */
  reason(shop: string): string;
  unsubscribe: string;
  preferences: string;
}

const serbian: FooterTexts = {
  reason: (shop) => `Овај имејл добијате као купац продавнице ${shop}.`,
  unsubscribe: 'Одјави се',
  preferences: 'Подешавања имејлова',
};

const TEXTS: Record<Locale, FooterTexts> = {
  en: { reason: (shop) => `You receive this email as a customer of ${shop}.`, unsubscribe: 'Unsubscribe', preferences: 'Email preferences' },
  'sr-Cyrl': serbian,
  'sr-Latn': {
    reason: (shop) => toLatin(serbian.reason('\u0000')).replace('\u0000', shop),
    unsubscribe: toLatin(serbian.unsubscribe),
    preferences: toLatin(serbian.preferences),
  },
  sl: { reason: (shop) => `To sporočilo prejemate kot kupec trgovine ${shop}.`, unsubscribe: 'Odjava', preferences: 'Nastavitve e-pošte' },
  ru: { reason: (shop) => `Вы получили это письмо как покупатель магазина ${shop}.`, unsubscribe: 'Отписаться', preferences: 'Настройки рассылки' },
};

export const footerTexts = (locale: Locale | undefined): FooterTexts => TEXTS[locale ?? 'en'];
