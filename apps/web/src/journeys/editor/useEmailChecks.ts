// Merge-field problems of every step that sends an email, for its card's badge: the same preview
// check, with the same content and customer, that the step's form runs beside its fields, so the
// open step's card and form share one request (React Query dedupes equal keys) and always agree.
import { definitionOf, type GraphNode, type JourneyGraph } from '@afterglow/journey-core';
import type { NodeTypeDefinition } from '@afterglow/node-sdk';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formSchemaOf } from '../../forms/jsonSchema';
import { useTRPC } from '../../trpc';
import { useDebounced } from '../../ui/useDebounced';
import { registry } from './registry';
import { emailContentOf, FIRST_DEMO_CUSTOMER, PREVIEW_DEBOUNCE_MS } from './useEmailStepPreview';

const sendsEmailCache = new Map<NodeTypeDefinition, boolean>();
/** A type sends email when one of its fields picks a template (the email-template widget); worked out once per type. */
function sendsEmail(node: GraphNode): boolean {
  const def = definitionOf(registry, node) ?? registry.get(node.type);
  if (!def) return false;
  let sends = sendsEmailCache.get(def);
  if (sends === undefined) {
    sends = Object.values(formSchemaOf(def).properties ?? {}).some((f) => f.widget === 'email-template');
    sendsEmailCache.set(def, sends);
  }
  return sends;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** How many problems the email of each step that sends one has (steps without problems are absent). */
export function useEmailChecks(graph: JourneyGraph): ReadonlyMap<string, number> {
  const trpc = useTRPC();
  // Checked once typing pauses, as the form's preview is.
  const settled = useDebounced(graph, PREVIEW_DEBOUNCE_MS);
  const steps = useMemo(() => settled.nodes.filter(sendsEmail), [settled]);
  const customers = useQuery({ ...trpc.templates.previewCustomers.queryOptions({ search: '' }), enabled: steps.length > 0 });
  const list = customers.data ?? [];
  const customerId = list.some((c) => c.id === FIRST_DEMO_CUSTOMER) ? FIRST_DEMO_CUSTOMER : list[0]?.id ?? '';
  const templateIds = [...new Set(steps.map((n) => str(n.config.templateId)).filter(Boolean))];
  const templates = useQueries({ queries: templateIds.map((id) => trpc.templates.get.queryOptions({ id })) });
  const templateOf = new Map(templateIds.map((id, i) => [id, templates[i]?.data]));
  const requests = steps.map((n) => ({ id: n.id, content: emailContentOf(n.config, templateOf.get(str(n.config.templateId))) }));
  const previews = useQueries({
    queries: requests.map(({ content }) => ({
      ...trpc.templates.preview.queryOptions({ ...(content ?? emailContentOf({}, undefined)!), customerId, locale: null }),
      enabled: customerId !== '' && content !== null && content.body.trim() !== '', retry: false,
    })),
  });
  // Keyed by the counts: a new map only when one changed, so the cards' data stay the same objects.
  const key = JSON.stringify(requests.flatMap((r, i) => (previews[i]?.data?.issues.length ? [[r.id, previews[i].data.issues.length]] : [])));
  return useMemo(() => new Map(JSON.parse(key) as [string, number][]), [key]);
}
