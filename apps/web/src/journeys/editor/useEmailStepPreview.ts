// A Send email step rendered for one real customer, as they would get it: the chosen template
// (its latest version, in the customer's language) or the step's own subject and body as they
// are typed. Its problems (Liquid errors, unknown merge fields) and the fields empty for this
// customer come back with it, for the form to show beside the fields.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Language, Text } from '../../templates/draft';
import { useTRPC } from '../../trpc';
import { useDebounced } from '../../ui/useDebounced';

/** The demo's first customer: the one a new shop knows best. Otherwise the most recent buyer. */
export const FIRST_DEMO_CUSTOMER = 'cust_0001';

export type EmailContent = Text & { language: Language; variants: Partial<Record<Language, Text>> };

const str = (value: unknown) => (typeof value === 'string' ? value : '');

interface SavedTemplate { subject: string; preheader: string; body: string; language: string; variants: Partial<Record<Language, Text>> }

/**
 * What the step sends, as the preview checks it: the step's own subject and body, or its template's
 * latest version (null until that has loaded). The cards' problem badges check the same content.
 */
export function emailContentOf(config: Record<string, unknown>, template: SavedTemplate | undefined): EmailContent | null {
  if (!str(config.templateId)) return { subject: str(config.subject), preheader: str(config.preheader), body: str(config.body), language: 'en', variants: {} };
  return template ? { subject: template.subject, preheader: template.preheader, body: template.body, language: template.language as Language, variants: template.variants } : null;
}

/** How long typing pauses before the preview (and the card's check) runs again. */
export const PREVIEW_DEBOUNCE_MS = 350;

export function useEmailStepPreview(config: Record<string, unknown>, enabled: boolean) {
  const trpc = useTRPC();
  const templateId = str(config.templateId);
  const template = useQuery({ ...trpc.templates.get.queryOptions({ id: templateId }), enabled: enabled && templateId !== '' });
  const customers = useQuery({ ...trpc.templates.previewCustomers.queryOptions({ search: '' }), enabled });
  const [picked, setPicked] = useState('');
  useEffect(() => {
    const list = customers.data;
    if (!picked && list?.length) setPicked(list.find((c) => c.id === FIRST_DEMO_CUSTOMER)?.id ?? FIRST_DEMO_CUSTOMER);
  }, [picked, customers.data]);
  const content = emailContentOf(config, template.data);
  const request = useDebounced(content, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions({ ...(request ?? emailContentOf({}, undefined)!), customerId: picked, locale: null }),
    enabled: enabled && picked !== '' && request !== null && request.body.trim() !== '', placeholderData: keepPreviousData, retry: false,
  });
  // The demo's first customer may be missing (another shop's data): the most recent buyer then.
  const missing = preview.error?.data?.code === 'NOT_FOUND' && picked === FIRST_DEMO_CUSTOMER;
  useEffect(() => { if (missing && customers.data?.[0]) setPicked(customers.data[0].id); }, [missing, customers.data]);
  return { templateId, template, customers, customerId: picked, setCustomerId: setPicked, content, preview };
}

export type EmailStepPreviewState = ReturnType<typeof useEmailStepPreview>;
