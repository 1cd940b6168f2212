// zod's own messages (a check given no message, e.g. `.max(200)`) in the user's language:
// configIssues leaves them to zod's configured locale. zod's locales for Russian and Slovenian,
// ours for Serbian (zodSerbian.ts, Latin transliterated), set again whenever the app's language
// changes, so every parse in the browser speaks it. Imported by the form for this effect.
import { negotiateLocale, toLatin, type Locale } from '@afterglow/i18n';
import { z } from 'zod';
import { en, ru, sl } from 'zod/locales';
import { i18n } from '../i18n';
import { serbian } from './zodSerbian';

const maps: Record<Locale, z.core.$ZodErrorMap> = {
  en: en().localeError,
  'sr-Cyrl': serbian,
  'sr-Latn': (issue) => toLatin(serbian(issue)),
  sl: sl().localeError,
  ru: ru().localeError,
};

export function setZodLocale(language: string): void {
  z.config({ localeError: maps[negotiateLocale(language)] });
}

setZodLocale(i18n.language);
i18n.on('languageChanged', setZodLocale);
