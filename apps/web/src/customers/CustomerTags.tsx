// The customer's tags on their page, as segments read them: added by journeys (Update profile),
// by the shop (Shopify's customer tags) or by identify's `tags` trait.
import { useTranslation } from 'react-i18next';

export function CustomerTags({ tags }: { tags: string[] }) {
  const { t } = useTranslation('tags');
  return (
    <div>
      <dt className="text-slate-500">{t('customer.title')}</dt>
      <dd className="mt-1 flex flex-wrap gap-1" data-testid="customer-tags">
        {tags.length === 0 ? <span className="text-slate-400">{t('customer.none')}</span> : tags.map((tag) => (
          <span key={tag} className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-700 ring-1 ring-violet-200">{tag}</span>
        ))}
      </dd>
    </div>
  );
}
