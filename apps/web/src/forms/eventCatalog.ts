// The workspace's event catalogue (events.catalog) as the pickers use it: one entry per event,
// found by any spelling ("Order Shipped" is order_shipped), labelled in the reader's language
// when Afterglow knows the event, and searched by label or raw name.
import { knownEvent, knownEventText } from '@afterglow/journey-core';
import { normalizeEventName } from '@afterglow/node-sdk';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { useLocale } from '../ui/locale';

export type CatalogEvent = inferOutput<Api['events']['catalog']>[number];
export type EventProperty = CatalogEvent['properties'][number];

export interface EventChoice extends CatalogEvent {
  /** The known event's label in the reader's language, else the raw name. */
  label: string;
  description: string | null;
}

export interface EventCatalog {
  events: EventChoice[];
  pending: boolean;
  failed: boolean;
  /** The entry a name means, whatever its spelling. */
  find(name: string): EventChoice | undefined;
}

/** Whether an event matches what the marketer typed: its label or raw name contains it. */
export function matchesSearch(event: EventChoice, search: string): boolean {
  const q = search.trim().toLowerCase();
  return !q || event.label.toLowerCase().includes(q) || event.name.toLowerCase().includes(q)
    || normalizeEventName(event.name).includes(normalizeEventName(q));
}

export function useEventCatalog(): EventCatalog {
  const trpc = useTRPC();
  const locale = useLocale();
  const query = useQuery({ ...trpc.events.catalog.queryOptions(), refetchOnWindowFocus: true });
  return useMemo(() => {
    const events = (query.data ?? []).map((e): EventChoice => {
      const known = e.known ? knownEvent(e.name) : undefined;
      const text = known ? knownEventText(known, locale) : null;
      return { ...e, label: text?.label ?? e.name, description: text?.description ?? null };
    });
    const byKey = new Map(events.map((e) => [normalizeEventName(e.name), e]));
    return {
      events, pending: query.isPending, failed: query.isError,
      find: (name: string) => byKey.get(normalizeEventName(name)),
    };
  }, [query.data, query.isPending, query.isError, locale]);
}
