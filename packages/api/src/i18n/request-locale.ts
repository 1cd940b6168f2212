// Which language a request asks for: its Accept-Language (the web app sends the language it
// shows; a signed-in user's own pick wins over it, see trpc/localize.ts), else English. The locale is kept in an AsyncLocalStorage scope for the length of a procedure
// call, so code deep in a call (zod's messages, written while a schema parses the input) speaks
// it without being handed it: one process serves many users in many languages at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, negotiateLocale, type Locale } from '@afterglow/i18n';

/** The tags of an Accept-Language header, most wanted first (q=0 left out, malformed parts skipped). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',').map((part, index) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
  })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The locale an Accept-Language header asks for: its first tag Afterglow speaks, else English. */
export const requestedLocale = (acceptLanguage: string | undefined): Locale => negotiateLocale(acceptedLanguages(acceptLanguage));

const scope = new AsyncLocalStorage<Locale>();

/** Runs `work` with the locale in scope (see currentLocale). */
export const withLocale = <T>(locale: Locale, work: () => T): T => scope.run(locale, work);

/** The locale of the call being served; English outside one (workers, start-up, scripts). */
export const currentLocale = (): Locale => scope.getStore() ?? DEFAULT_LOCALE;
