// The user's language, decided in one place: node types' texts (localizeNode, summary) and the
// app's catalogues (i18next) both follow it. A language chosen in this browser wins
// (localStorage 'afterglow.locale', e.g. 'sr-Latn'), else the browser's languages in order,
// else English; any tag is negotiated onto the five supported locales (sr -> sr-Cyrl).
import { negotiateLocale, type Locale } from '@afterglow/i18n';
import { useSyncExternalStore } from 'react';
import { switchLanguage } from '../i18n';

const LOCALE_KEY = 'afterglow.locale';

function stored(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null; // storage refused (privacy mode): the browser's language
  }
}

function initial(): Locale {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  const choice = stored();
  return negotiateLocale(choice ? [choice, ...browser] : browser);
}

let locale: Locale = initial();
const listeners = new Set<() => void>();
// English is bundled; another language's catalogues arrive before the first render shows it.
export const localeReady: Promise<void> = switchLanguage(locale);

export function currentLocale(): Locale {
  return locale;
}

/** Makes `next` this browser's language: stored, catalogues loaded, every translated text re-rendered. */
export async function setLocale(next: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    // storage refused: the choice lasts until the page is reloaded
  }
  await switchLanguage(next);
  locale = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The locale for a component's texts; the component re-renders when the user switches language. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, currentLocale);
}
