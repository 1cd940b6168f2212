// A currency picker: the shops' usual currencies first (EUR, RSD, RUB, USD, then their
// neighbours'), then every other ISO 4217 code the browser knows, each named in the user's
// language by Intl ("RSD · српски динар"). A stored code the list lacks is still offered.
import { CURRENCIES } from '@afterglow/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { useLocale } from '../ui/locale';

const COMMON = [...CURRENCIES, 'BAM', 'MKD', 'CHF', 'GBP', 'HUF', 'PLN', 'CZK', 'BGN', 'RON', 'KZT', 'BYN', 'UAH'];

export function CurrencySelect({ id, value, onChange }: { id: string; value: string; onChange(code: string): void }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames(locale, { type: 'currency' });
    const label = (code: string) => `${code} · ${names.of(code) ?? code}`;
    const rest = [...new Set([...Intl.supportedValuesOf('currency'), value])].filter((code) => !COMMON.includes(code)).sort();
    return { common: COMMON.map((code) => ({ code, label: label(code) })), rest: rest.map((code) => ({ code, label: label(code) })) };
  }, [locale, value]);
  return (
    <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
      <optgroup label={t('shop.currencyCommon')}>
        {options.common.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </optgroup>
      <optgroup label={t('shop.currencyAll')}>
        {options.rest.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </optgroup>
    </select>
  );
}
