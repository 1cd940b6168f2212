// @vitest-environment happy-dom
// The pickers when the workspace has nothing to pick yet: each says what to do, with a link
// where something can be created. Answers are put in the query cache; nothing is fetched.
import type { AppRouter } from '@afterglow/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import '../i18n'; // the catalogues, English bundled, as the app loads them
import { createClient, TRPCProvider } from '../trpc';
import { EventPicker } from './EventPicker';
import { EmailTemplateSelect, SegmentSelect } from './widgets';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function renderWith(answers: { segments: unknown[]; templates: unknown[]; events: unknown[] }, children: ReactNode): HTMLElement {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const trpcClient = createClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.segments.list.queryKey(), answers.segments as never);
  queryClient.setQueryData(trpc.templates.list.queryKey(), answers.templates as never);
  queryClient.setQueryData(trpc.events.catalog.queryKey(), answers.events as never);
  const host = document.createElement('div');
  act(() => createRoot(host).render(
    createElement(QueryClientProvider, { client: queryClient },
      createElement(TRPCProvider, { trpcClient, queryClient, children }))));
  return host;
}

const pickers = (event = 'Order Completed') => [
  createElement(SegmentSelect, { key: 's', id: 'seg', value: '', onChange: () => {} }),
  createElement(EmailTemplateSelect, { key: 't', id: 'tpl', value: '', onChange: () => {} }),
  createElement(EventPicker, { key: 'e', id: 'evt', value: event, onChange: () => {} }),
];

it('says what to do when there are no segments, templates or events yet', () => {
  const host = renderWith({ segments: [], templates: [], events: [] }, pickers());
  expect(host.querySelector('#seg option')!.textContent).toBe('No segments yet');
  expect(host.querySelector('[data-testid=seg-hint]')!.textContent).toBe('No segments yet. Create a segment, then choose it here.');
  expect(host.querySelector('[data-testid=seg-hint] a')!.getAttribute('href')).toBe('/segments/new');
  expect(host.querySelector('[data-testid=tpl-hint] a')!.getAttribute('href')).toBe('/templates');
  expect(host.querySelector('[data-testid=evt-status]')!.textContent).toBe(
    '“Order Completed” has not been received yet: check that it is spelled exactly as your shop sends it.');
});

it('offers what exists, without the hints', () => {
  const host = renderWith({
    segments: [{ id: 'seg_1', name: 'VIP', memberCount: 1200 }],
    templates: [{ id: 'tpl_1', name: 'Win-back' }],
    events: [
      { name: 'Order Completed', known: true, count: 1200, lastSeenAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), properties: [] },
      { name: 'order_paid', known: true, count: 0, lastSeenAt: null, properties: [] },
    ],
  }, pickers());
  expect([...host.querySelectorAll('#seg option')].map((o) => o.textContent)).toEqual(['Choose a segment…', `VIP (${(1200).toLocaleString()})`]);
  expect([...host.querySelectorAll('#tpl option')].map((o) => o.textContent)).toEqual(['No template: write the email here', 'Win-back']);
  expect(host.querySelector('#evt')!.getAttribute('role')).toBe('combobox');
  expect(host.querySelector('[data-testid=evt-status]')!.textContent).toBe(`Order placed: received ${(1200).toLocaleString()} times, last seen 3 days ago.`);
  expect(host.querySelector('[data-testid$=-hint]')).toBeNull();
});

it('names a known event by its label, whatever its spelling, and says when none has arrived yet', () => {
  const host = renderWith({
    segments: [], templates: [],
    events: [{ name: 'order_paid', known: true, count: 0, lastSeenAt: null, properties: [] }],
  }, pickers('Order Paid'));
  expect(host.querySelector('[data-testid=evt-status]')!.textContent)
    .toBe('Order paid: not received yet. The journey starts reacting once your shop sends it.');
});
