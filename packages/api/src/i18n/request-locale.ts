// Which language a request asks for: its Accept-Language (the web app sends the language it
// shows; a signed-in user's own pick wins over it, see trpc/localize.ts), else English; the
// header is read here, by negotiator, for the recipients' pages too (public/locale.ts). The
// locale is kept in an AsyncLocalStorage scope for the length of a procedure call, so code deep
// in a call (zod's messages, written while a schema parses the input) speaks it without being
// handed it: one process serves many users in many languages at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, negotiateLocale, type Locale } from '@afterglow/i18n';
import Negotiator from 'negotiator';

/** The tags of an Accept-Language header, most wanted first (q=0 and * left out, malformed parts skipped). */
export const acceptedLanguages = (header: string | undefined): string[] =>
  new Negotiator({ headers: { 'accept-language': header } }).languages().filter((tag) => tag !== '*');

/** The locale an Accept-Language header asks for: its first tag Afterglow speaks, else English. */
export const requestedLocale = (acceptLanguage: string | undefined): Locale => negotiateLocale(acceptedLanguages(acceptLanguage));

const scope = new AsyncLocalStorage<Locale>();

/** Runs `work` with the locale in scope (see currentLocale). */
export const withLocale = <T>(locale: Locale, work: () => T): T => scope.run(locale, work);

/** The locale of the call being served; English outside one (workers, start-up, scripts). */
export const currentLocale = (): Locale => scope.getStore() ?? DEFAULT_LOCALE;
