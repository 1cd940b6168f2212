// The customer's language on their page: emails and pages reach them in it. Editable by the roles
// allowed to (auth.me's `can`), from Afterglow's five languages (each named in itself) or
// "unknown", which sends them the shop's default; any other tag the shop sent stays offered.
import { LOCALES, isLocale } from '@afterglow/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { inputClass } from '../ui/kit';
import { customerLanguageName } from '../ui/languageNames';
import { useLocale } from '../ui/locale';

export function CustomerLanguage({ id, locale }: { id: string; locale: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = useTranslation('customers');
  const reader = useLocale();
  const save = useMutation(trpc.customers.setLocale.mutationOptions({
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.customers.get.queryKey({ id }), (old) => (old ? { ...old, profile: { ...old.profile, locale: saved.locale } } : old));
      void queryClient.invalidateQueries({ queryKey: trpc.customers.list.queryKey() });
    },
  }));
  if (!me.data?.can.includes('customers.setLocale')) {
    return <span title={locale ?? undefined}>{locale ? customerLanguageName(locale, reader) : t('language.default')}</span>;
  }
  const choices: string[] = locale && !isLocale(locale) ? [locale, ...LOCALES] : [...LOCALES];
  return (
    <span className="flex flex-col gap-1">
      <select aria-label={t('language.label')} className={`${inputClass} !py-1.5`} value={locale ?? ''} disabled={save.isPending}
        onChange={(e) => save.mutate({ id, locale: e.target.value || null })} data-testid="customer-language">
        <option value="">{t('language.default')}</option>
        {choices.map((tag) => <option key={tag} value={tag}>{customerLanguageName(tag, reader)}</option>)}
      </select>
      {save.isError && <span role="alert" className="text-xs text-rose-600">{save.error.message}</span>}
    </span>
  );
}
