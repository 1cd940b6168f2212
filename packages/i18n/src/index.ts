// @afterglow/i18n: the languages Afterglow speaks and what every part needs to speak them
// (negotiation, Serbian's two scripts, Intl formatting). No node: imports: it runs in the
// browser, the API and the email renderer alike. What brings a library has a subpath of its own,
// so the browser bundle takes it only where it is used: ./messages (ICU catalogues,
// intl-messageformat), ./catalogue-check (the catalogue tests' checks), ./zod-messages (zod's).
export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, isLocale, negotiateLocale, type Locale } from './locales';
export { canonicalLanguageTag, MAX_LANGUAGE_TAG } from './language-tag';
export { toCyrillic, toLatin } from './transliterate';
export { formatRelativeTime } from './relative';
export { CURRENCIES, formatCurrency, formatDate, formatDateTime, formatNumber, type Currency, type DateStyle } from './format';
