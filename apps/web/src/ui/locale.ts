// The user's language, read in one place: node types' texts (localizeNode, summary) use it
// now, the app's own catalogues will later. A language stored in this browser wins
// (localStorage 'afterglow.locale', e.g. 'sr-Latn'; no user setting exists on the server yet),
// else the browser's language, else English.
import { useState } from 'react';

const LOCALE_KEY = 'afterglow.locale';

function canonical(tag: string | null | undefined): string | null {
  try {
    return tag ? (Intl.getCanonicalLocales(tag)[0] ?? null) : null;
  } catch {
    return null; // not a language tag: ignored
  }
}

export function currentLocale(): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_KEY);
  } catch {
    // storage refused (privacy mode): the browser's language
  }
  return canonical(stored) ?? canonical(typeof navigator === 'undefined' ? null : navigator.language) ?? 'en';
}

/** The locale for a component's texts, read once when it mounts. */
export function useLocale(): string {
  return useState(currentLocale)[0];
}
