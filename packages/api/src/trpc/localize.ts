// The one place an error's words are put in the caller's language, as the error formatter
// answers: the API's own messages by key (DomainError, Refusal), zod's issues and the schemas'
// own messages (zod wrote its own in the caller's language already; a schema's are looked up by
// their English text). English answers pass through untouched, byte for byte.
import { DEFAULT_LOCALE, isLocale, type Locale } from '@afterglow/i18n';
import { z } from 'zod';
import { say } from '../i18n/catalogue';
import { schemaMessage } from '../i18n/schema-messages';
import { SettingsInvalid } from '../integrations/errors';
import { DomainError } from '../journeys/errors';
import type { TrpcContext } from './init';
import { Refusal } from './refusal';

/** The caller's language: their own when signed in and picked, else what the request asked for. */
export function localeOf(ctx: Pick<TrpcContext, 'user' | 'locale'> | undefined): Locale {
  const own: unknown = ctx?.user?.locale;
  return isLocale(own) ? own : ctx?.locale ?? DEFAULT_LOCALE;
}

export interface FieldIssue { field: string; message: string }

export const localizedIssues = (issues: FieldIssue[] | null, locale: Locale): FieldIssue[] | null =>
  issues && locale !== 'en' ? issues.map((i) => ({ ...i, message: schemaMessage(i.message, locale) })) : issues;

// zod's ZodError.message is its issues as indented JSON (bigints as text): the web app reads it back.
const issuesJson = (issues: readonly object[]) =>
  JSON.stringify(issues, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);

/** The error's message in the locale; `message` (tRPC's, in English) when nothing says it better. */
export function localizedMessage(error: Error, message: string, locale: Locale): string {
  if (locale === 'en') return message;
  if (error instanceof Refusal) return say(error.text, locale);
  const cause = error.cause;
  if (cause instanceof DomainError) return say(cause.text, locale);
  // Input a procedure's schema refused: tRPC's message is the ZodError's.
  if (cause instanceof z.ZodError && message === cause.message) {
    return issuesJson(cause.issues.map((i) => ({ ...i, message: schemaMessage(i.message, locale) })));
  }
  if (cause instanceof SettingsInvalid && message === cause.message) {
    return cause.issues.map((i) => `${i.path.join('.')}: ${schemaMessage(i.message, locale)}`).join('; ');
  }
  return message;
}
