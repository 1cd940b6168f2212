// Settings: how the shop's data gets in. Ingestion keys for Segment-compatible clients,
// the Shopify webhook connection, and the plugins' integrations. Owners, admins and
// developers; others see why not.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { Icon } from '../ui/icons';
import { AbandonedCheckoutCard } from './AbandonedCheckoutCard';
import { SoftBounceCard } from './SoftBounceCard';
import { ReferralsCard } from './ReferralsCard';
import { BuyingCyclesCard } from './BuyingCyclesCard';
import { ConsentCard } from './ConsentCard';
import { IngestKeysCard } from './IngestKeysCard';
import { IntegrationsCard } from './IntegrationsCard';
import { LoyaltyLinkCard } from './loyalty/LoyaltyLinkCard';
import { SendingLimitsCard } from './SendingLimitsCard';
import { SendingRulesCard } from './SendingRulesCard';
import { SenderCard } from './SenderCard';
import { ShopCard } from './ShopCard';
import { ShopifyCard } from './ShopifyCard';
import { RelaysCard } from './RelaysCard';

/** The tRPC error code of a failed query, if it has one. */
export const codeOf = (error: unknown) => (error as { data?: { code?: string } } | null)?.data?.code;

/** Field messages of a failed mutation, keyed by field name. */
export { fieldErrors } from '../ui/fieldIssues';

export function SettingsPage() {
  const trpc = useTRPC();
  const keys = useQuery({ ...trpc.settings.ingestKeys.list.queryOptions(), retry: false });
  const { t } = useTranslation('settings');
  return (
    <div className="mx-auto max-w-4xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-8"><ShopCard /></div>
      <div className="mb-8"><BuyingCyclesCard /></div>
      <div className="mb-8"><LoyaltyLinkCard /></div>
      <div className="mb-8"><SendingRulesCard /></div>
      <div className="mb-8"><SendingLimitsCard /></div>
      <div className="mb-8"><SenderCard /></div>
      <div className="mb-8"><AbandonedCheckoutCard /></div>
      <div className="mb-8"><ReferralsCard /></div>
      <div className="mb-8"><SoftBounceCard /></div>
      <div className="mb-8"><ConsentCard /></div>
      {keys.isPending && <Spinner />}
      {keys.isError && codeOf(keys.error) === 'FORBIDDEN' && (
        <div className="flex items-start gap-3 rounded-xl bg-amber-50 p-5 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="settings-owner-only">
          <Icon name="key" className="mt-0.5 h-5 w-5 shrink-0" />
          <div>
            <div className="font-semibold">{t('ownerOnly.title')}</div>
            <div className="mt-1 text-amber-700">{t('ownerOnly.body')}</div>
          </div>
        </div>
      )}
      {keys.isError && codeOf(keys.error) !== 'FORBIDDEN' && <ErrorNote error={keys.error} />}
      {keys.data && (
        <div className="space-y-8">
          <IngestKeysCard keys={keys.data} />
          <ShopifyCard />
          <RelaysCard />
          <IntegrationsCard />
        </div>
      )}
    </div>
  );
}
