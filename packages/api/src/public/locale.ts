// Which language a recipient's page speaks. The page's own language switch (?lang=) wins; then,
// for a customer we know, their locale and else the shop's default language; for anyone else (a
// broken link, an erased customer) the browser's Accept-Language, then the shop's default; English
// last. Every tag goes through negotiateLocale, so 'sr-RS', 'ru-RU' or 'sl-SI' all find theirs.
import type { Queryable } from '@afterglow/db';
import { isLocale, negotiateLocale, type Locale } from '@afterglow/i18n';
import type { IncomingMessage } from 'node:http';
import { acceptedLanguages } from '../i18n/request-locale';

/** The languages a page can read about its reader: from the customer row and the workspace. */
export interface KnownLanguages {
  /** Whether the customer exists (their locale may still be null). */
  customerKnown: boolean;
  customerLocale: string | null;
  shopLocale: string | null;
}

// More would only cost time: nobody lists twenty languages they read.
const MAX_BROWSER_TAGS = 20;

const chosenLanguage = (req: IncomingMessage) => new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('lang');

export function pageLocale(req: IncomingMessage, known?: KnownLanguages): Locale {
  const chosen = chosenLanguage(req);
  const browser = acceptedLanguages(req.headers['accept-language']).slice(0, MAX_BROWSER_TAGS);
  const tags = known?.customerKnown ? [known.customerLocale] : [...browser];
  return negotiateLocale([chosen, ...tags, known?.shopLocale].filter((tag): tag is string => Boolean(tag)));
}

/** A link to another of the recipient's pages, in the language they switched this one to. */
export function keepChosenLanguage(req: IncomingMessage, path: string): string {
  const chosen = chosenLanguage(req);
  return isLocale(chosen) ? `${path}?lang=${chosen}` : path;
}

/** The languages known for the customer an email went to (for pages reached from that email). */
export async function languagesOfEmail(sql: Queryable, workspaceId: string, outboxId: string): Promise<KnownLanguages> {
  const [row] = await sql<{ customerKnown: boolean; customerLocale: string | null; shopLocale: string | null }[]>`
    select c.id is not null as "customerKnown", c.locale as "customerLocale", w.settings->'shop'->>'locale' as "shopLocale"
    from workspaces w
    left join email_outbox o on o.workspace_id = w.id and o.id = ${outboxId}
    left join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
    where w.id = ${workspaceId}`;
  return row ?? { customerKnown: false, customerLocale: null, shopLocale: null };
}
