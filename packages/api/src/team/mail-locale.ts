// The language of an email to someone on the team: theirs when they picked one in the app, else
// the shop's, else English. negotiateLocale maps what is stored onto a supported locale.
import type { Queryable } from '@afterglow/db';
import { negotiateLocale, type Locale } from '@afterglow/i18n';

/** Each stored locale (the user's, then the shop's) as a supported locale. */
export const mailLocale = (userLocale: string | null, shopLocale: string | null): Locale =>
  negotiateLocale([userLocale, shopLocale].filter((tag): tag is string => Boolean(tag)));

/** The shop's own language (Settings → Shop), null when unset. */
export async function shopLocaleOf(sql: Queryable, workspaceId: string): Promise<string | null> {
  const [row] = await sql<{ locale: string | null }[]>`select settings->'shop'->>'locale' as locale from workspaces where id = ${workspaceId}`;
  return row?.locale ?? null;
}
