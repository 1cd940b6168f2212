// On the Settings page: the way to the Loyalty settings, which need a screen of their own.
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { Icon } from '../../ui/icons';

export function LoyaltyLinkCard() {
  const { t } = useTranslation('loyalty');
  return (
    <Link to="/settings/loyalty" data-testid="loyalty-settings-link"
      className="flex items-center gap-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 hover:ring-violet-300">
      <span className="rounded-full bg-violet-50 p-3 text-violet-600"><Icon name="gift" className="h-5 w-5" /></span>
      <span className="min-w-0">
        <span className="block text-base font-semibold text-slate-900">{t('link.title')}</span>
        <span className="mt-1 block text-sm text-slate-500">{t('link.subtitle')}</span>
      </span>
    </Link>
  );
}
