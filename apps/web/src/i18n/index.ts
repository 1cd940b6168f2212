// The app's message catalogues: i18next with ICU messages (plurals one/few/many/other for the
// Slavic languages, numbers and dates through Intl). One JSON file per locale and namespace under
// ./locales/<locale>/<ns>.json; English is bundled (it is every key's fallback), the others are
// fetched when a user first picks them (a Vite chunk per file).
import { DEFAULT_LOCALE, type Locale } from '@afterglow/i18n';
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

type Catalogue = Record<string, string>;

const english = import.meta.glob<Catalogue>('./locales/en/*.json', { eager: true, import: 'default' });
const lazy = import.meta.glob<Catalogue>(['./locales/*/*.json', '!./locales/en/*.json'], { import: 'default' });

const namespaceOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
const localeOf = (file: string) => file.split('/')[2];

export const i18n = i18next.createInstance();

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    ns: Object.keys(english).map(namespaceOf),
    defaultNS: 'shell',
    resources: { en: Object.fromEntries(Object.entries(english).map(([file, messages]) => [namespaceOf(file), messages])) },
    partialBundledLanguages: true,
    keySeparator: false, // flat keys ('nav.journeys'): one level to compare across locales
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });

/** Loads a locale's catalogues (once) and makes it the language of every translated text. */
export async function switchLanguage(locale: Locale): Promise<void> {
  const files = Object.entries(lazy).filter(([file]) => localeOf(file) === locale);
  await Promise.all(files.map(async ([file, load]) => {
    if (!i18n.hasResourceBundle(locale, namespaceOf(file))) i18n.addResourceBundle(locale, namespaceOf(file), await load());
  }));
  await i18n.changeLanguage(locale);
}
