// Messages the shared zod schemas write themselves ('Shop name must not be empty'), translated
// the way gettext does: the English text is the key. The schemas stay plain zod, shared with the
// web forms and the engine, and need no rewrite to be translated; schema-messages.test.ts
// collects every message the API's procedure inputs can give and fails when one lacks a
// translation (or a translation outlives its message). An unknown message is said in English.
import type { Locale } from '@afterglow/i18n';
import { withSerbianLatin } from '@afterglow/i18n/messages';
import ru from './schema/ru.json';
import sl from './schema/sl.json';
import srCyrl from './schema/sr-Cyrl.json';

export const schemaCatalogues = withSerbianLatin({ en: {}, 'sr-Cyrl': srCyrl, sl, ru });

/** A schema's own English message in the locale (itself when it has no translation). */
export const schemaMessage = (message: string, locale: Locale): string => schemaCatalogues[locale][message] ?? message;
