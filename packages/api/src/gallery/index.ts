// The gallery "New journey" opens: the playbook's 14 journeys (DOMAIN.md) and a blank one, each a
// journey file used through the same import as any other (journeys/journey-file/import.ts).
import type { Locale } from '@afterglow/i18n';
import type { JourneyGraph } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { notFound } from '../journeys/errors';
import { importJourneyFile, type ImportBy } from '../journeys/journey-file/import';
import { lifecycleEntries } from './entries-lifecycle';
import { orderEntries } from './entries-orders';
import { entryFile, entryText, type GalleryEntry } from './entry';
import { flow, onEvent } from './flow';

const blank: GalleryEntry = { key: 'blank', events: [], graph: flow(onEvent('')).graph(), templates: [] };

/** In the order the gallery shows them: the playbook's order (DOMAIN.md), the blank journey first. */
const ORDER = ['blank', 'order-confirmation', 'review-request', 'negative-review-rescue', 'replenishment', 'birthday', 'cross-sell',
  'interest-segment', 'weekly-promotion', 'satisfaction-survey', 'pre-order', 'loyalty-tier', 'referral', 'win-back', 'thank-you'];
export const GALLERY: readonly GalleryEntry[] = [blank, ...orderEntries, ...lifecycleEntries]
  .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));

export interface GalleryCard {
  key: string; title: string; does: string; why: string;
  /** Each event it needs, and whether this workspace has received one yet. */
  events: { name: string; seen: boolean }[];
  /** For the card's picture. */
  graph: JourneyGraph;
  /** Names of the email templates it brings, in the reader's language where the entry has them. */
  templates: string[];
}

export async function galleryCards(deps: ApiDeps, workspaceId: string, locale: Locale): Promise<GalleryCard[]> {
  const names = [...new Set(GALLERY.flatMap((e) => e.events))];
  // The received-events summary: a few rows per name, never the events themselves.
  const seen = new Set((await deps.database.sql<{ name: string }[]>`
    select distinct name from event_names where workspace_id = ${workspaceId} and name = any(${names}::text[])`).map((r) => r.name));
  return GALLERY.map((entry) => {
    const file = entryFile(entry, locale);
    return {
      key: entry.key, ...entryText(entry.key, locale), events: entry.events.map((name) => ({ name, seen: seen.has(name) })),
      graph: file.graph, templates: file.templates.map((t) => t.name),
    };
  });
}

/** The entry's journey as a new draft, with its templates and segments. */
export async function useGalleryEntry(deps: ApiDeps, by: ImportBy, key: string): Promise<{ id: string; name: string }> {
  const entry = GALLERY.find((e) => e.key === key);
  if (!entry) throw notFound('galleryTemplate', key, 'key');
  return importJourneyFile(deps, by, entryFile(entry, by.locale));
}
