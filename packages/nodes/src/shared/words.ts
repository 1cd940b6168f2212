// Words several built-in node types share, so a term reads the same on every card and form: the
// "Then" branch, the segment picker, durations counted in each language's plural forms.
import type { DurationUnit, FieldText } from '@afterglow/node-sdk';
import type { Forms, Language } from './translate';

type Translated = Exclude<Language, 'en'>;

export const THEN: Record<Translated, string> = { sr: 'Затим', sl: 'Nato', ru: 'Далее' };

export const SEGMENT_FIELD: Record<Translated, FieldText> = {
  sr: { label: 'Сегмент' }, sl: { label: 'Segment' }, ru: { label: 'Сегмент' },
};

/** The segment fields' and checks' messages (shared/segments.ts). */
export const SEGMENT_MESSAGES: Record<Translated, Record<string, string>> = {
  sr: { 'Choose a segment': 'Изаберите сегмент', 'The segment no longer exists: choose another': 'Сегмент више не постоји: изаберите други' },
  sl: { 'Choose a segment': 'Izberite segment', 'The segment no longer exists: choose another': 'Segment ne obstaja več: izberite drugega' },
  ru: { 'Choose a segment': 'Выберите сегмент', 'The segment no longer exists: choose another': 'Сегмента больше нет: выберите другой' },
};

/** "Wait 3 days", "at most 2 weeks": a count of units as the object of a verb (accusative). */
export const DURATION: Record<Translated, Record<DurationUnit, Forms>> = {
  sr: {
    minutes: { one: 'минут', few: 'минута', other: 'минута' },
    hours: { one: 'сат', few: 'сата', other: 'сати' },
    days: { one: 'дан', few: 'дана', other: 'дана' },
    weeks: { one: 'недељу', few: 'недеље', other: 'недеља' },
  },
  sl: {
    minutes: { one: 'minuto', two: 'minuti', few: 'minute', other: 'minut' },
    hours: { one: 'uro', two: 'uri', few: 'ure', other: 'ur' },
    days: { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' },
    weeks: { one: 'teden', two: 'tedna', few: 'tedne', other: 'tednov' },
  },
  ru: {
    minutes: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
    hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    days: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
    weeks: { one: 'неделю', few: 'недели', many: 'недель', other: 'недели' },
  },
};

/** A unit picked after a number in a form ("For [3] [days]"). */
export const UNIT_OPTIONS: Record<Translated, Record<DurationUnit, string>> = {
  sr: { minutes: 'минута', hours: 'сати', days: 'дана', weeks: 'недеља' },
  sl: { minutes: 'minut', hours: 'ur', days: 'dni', weeks: 'tednov' },
  ru: { minutes: 'минут', hours: 'часов', days: 'дней', weeks: 'недель' },
};

/** Quotation marks as each language writes them around the marketer's text. */
export const QUOTE: Record<Language, (text: string) => string> = {
  en: (t) => `“${t}”`, sr: (t) => `„${t}“`, sl: (t) => `„${t}“`, ru: (t) => `«${t}»`,
};

/**
 * How a line refers to a template or segment it uses (Say.name): by its name, as deleted, or,
 * when the reader's names are not known, without one.
 */
export function refer(name: string | null | undefined, words: { named(name: string): string; deleted: string; unknown: string }): string {
  if (name === undefined) return words.unknown;
  return name === null ? words.deleted : words.named(name);
}
