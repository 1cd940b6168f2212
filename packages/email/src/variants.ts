// A template's language variants and the choice of one for a customer. A template version holds
// its main text (in the template's main language) and a variant per other language; Serbian is
// one variant, served in the customer's script (serbian-script.ts). The choice: the customer's
// locale, then the shop's default language, then the main text.
import { negotiateLocale, type Locale } from '@afterglow/i18n';
import { LruCache } from './lru';
import { inScript, scriptOf, type SerbianScript } from './serbian-script';

export const TEMPLATE_LANGUAGES = ['en', 'sr', 'sl', 'ru'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface TemplateText { subject: string; preheader: string; body: string }
export type TemplateVariants = Partial<Record<TemplateLanguage, TemplateText>>;

/** A template version as it is stored: the main text, its language, and the other languages. */
export interface LocalisedTemplate extends TemplateText { language: TemplateLanguage; variants: TemplateVariants }

/** What goes out: the text in the locale it is served in (recorded on the outbox row). */
export interface ServedText extends TemplateText { locale: Locale }

export const isTemplateLanguage = (value: unknown): value is TemplateLanguage =>
  typeof value === 'string' && (TEMPLATE_LANGUAGES as readonly string[]).includes(value);

export const languageOf = (locale: Locale): TemplateLanguage => (locale.startsWith('sr') ? 'sr' : (locale as TemplateLanguage));

function negotiated(tag: string): Locale | null {
  const locale = negotiateLocale(tag);
  if (locale !== 'en') return locale;
  try {
    return new Intl.Locale(tag).language === 'en' ? locale : null;
  } catch {
    return null; // not a language tag
  }
}

// Every email asks about its customer's tag; the tags in use are few, each negotiated once.
const locales = new LruCache<string, Locale | null>(1_000);

/** A language tag (a customer's trait, a shop setting) as a locale Afterglow speaks, or null. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const hit = locales.get(tag);
  if (hit !== undefined) return hit;
  const locale = negotiated(tag);
  locales.set(tag, locale);
  return locale;
}

// A pinned version's texts are the same objects for every email: each one's script is read once.
const scripts = new WeakMap<TemplateText, SerbianScript>();
function writtenIn(text: TemplateText): SerbianScript {
  let script = scripts.get(text);
  if (!script) scripts.set(text, (script = scriptOf(text.subject, text.preheader, text.body)));
  return script;
}

// Transliterating a body costs a pass over it: each source is converted once per script and kept.
const converted: Record<SerbianScript, LruCache<string, string>> = { Cyrl: new LruCache(500), Latn: new LruCache(500) };
function convert(source: string, script: SerbianScript): string {
  const hit = converted[script].get(source);
  if (hit !== undefined) return hit;
  const result = inScript(source, script);
  converted[script].set(source, result);
  return result;
}

// The email says which language it is in (<html lang>, for screen readers, translators and
// spam filters): the document's <mjml> gets the locale unless its author set one. Kept per
// source, so every email of one variant hands the renderer the same string (compiled once).
const labelled = new Map<Locale, LruCache<string, string>>();
function withLang(body: string, locale: Locale): string {
  let cache = labelled.get(locale);
  if (!cache) labelled.set(locale, (cache = new LruCache(500)));
  const hit = cache.get(body);
  if (hit !== undefined) return hit;
  const result = body.replace(/<mjml\b(?![^>]*\blang\s*=)/i, `<mjml lang="${locale}"`);
  cache.set(body, result);
  return result;
}

/** The text in `locale`; a Serbian text written in the other script is transliterated. */
export function serveIn(text: TemplateText, locale: Locale): ServedText {
  const served = (subject: string, preheader: string, body: string) => ({ subject, preheader, body: withLang(body, locale), locale });
  if (languageOf(locale) !== 'sr') return served(text.subject, text.preheader, text.body);
  const wanted: SerbianScript = locale === 'sr-Latn' ? 'Latn' : 'Cyrl';
  if (writtenIn(text) === wanted) return served(text.subject, text.preheader, text.body);
  return served(convert(text.subject, wanted), convert(text.preheader, wanted), convert(text.body, wanted));
}

/** The main text's own locale: its language, Serbian in the script it is written in. */
export function mainLocale(template: LocalisedTemplate): Locale {
  if (template.language !== 'sr') return template.language;
  return writtenIn(template) === 'Latn' ? 'sr-Latn' : 'sr-Cyrl';
}

function textFor(template: LocalisedTemplate, language: TemplateLanguage): TemplateText | undefined {
  return language === template.language ? template : template.variants[language];
}

/**
 * The variant a customer gets: their locale's language (in their script), else the shop's
 * default language, else the main text as written.
 */
export function pickVariant(template: LocalisedTemplate, customerLocale: string | null | undefined, shopLocale: string | null | undefined): ServedText {
  for (const tag of [customerLocale, shopLocale]) {
    const locale = supportedLocale(tag);
    const text = locale && textFor(template, languageOf(locale));
    if (locale && text) return serveIn(text, locale);
  }
  return serveIn(template, mainLocale(template));
}

