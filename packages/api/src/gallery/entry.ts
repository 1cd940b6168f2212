// A gallery entry: one playbook journey as a journey file (docs/journey-format.md), named and
// described in the reader's language, with the shop events it needs.
import { toLatin, type Locale } from '@afterglow/i18n';
import {
  JOURNEY_FILE_FORMAT, JOURNEY_FILE_VERSION, type FileSegment, type FileTemplate, type JourneyFile, type JourneyGraph, type JourneySettings, journeySettingsSchema,
} from '@afterglow/journey-core';
import { ENTRY_TEXTS, type EntryText, type GalleryKey } from './entry-texts';

export interface GalleryEntry {
  key: GalleryKey;
  /** The shop events it runs on (trigger, waits, what its segments count): the gallery says which have arrived. */
  events: string[];
  graph: JourneyGraph;
  templates: FileTemplate[];
  segments?: FileSegment[];
  settings?: Partial<JourneySettings>;
}

/** The entry's words in `locale` (Serbian Latin transliterated from Cyrillic). */
export function entryText(key: GalleryKey, locale: Locale): EntryText {
  if (locale === 'sr-Latn') {
    const t = ENTRY_TEXTS.sr[key];
    return { title: toLatin(t.title), does: toLatin(t.does), why: toLatin(t.why) };
  }
  return ENTRY_TEXTS[locale === 'sr-Cyrl' ? 'sr' : locale][key];
}

/** The entry as a journey file, its journey named in `locale`. */
export function entryFile(entry: GalleryEntry, locale: Locale): JourneyFile {
  const text = entryText(entry.key, locale);
  return {
    format: JOURNEY_FILE_FORMAT, version: JOURNEY_FILE_VERSION, name: text.title, description: text.does,
    settings: journeySettingsSchema.parse(entry.settings ?? {}),
    graph: structuredClone(entry.graph), templates: structuredClone(entry.templates), segments: structuredClone(entry.segments ?? []),
  };
}
