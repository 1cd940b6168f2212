// zod's own messages in the language of the call being served: the wording is
// @afterglow/i18n's (the web forms say the same), the locale the call's scope
// (request-locale.ts), so concurrent users each get theirs from zod's one global error map.
import { speakZodIn } from '@afterglow/i18n/zod-messages';
import { currentLocale } from './request-locale';

/** Makes zod write its messages in the language of the call in scope (once, at start). */
export const speakZodInCallersLanguage = (): void => speakZodIn(currentLocale);
