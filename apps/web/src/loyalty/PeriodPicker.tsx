// The period (last 30, 90 or 365 days) and how the charts group it (UTC days, weeks, months).
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import type { Bucket } from './format';

export const PERIOD_DAYS = [30, 90, 365] as const;
export const BUCKETS: Bucket[] = ['day', 'week', 'month'];
export interface Period { days: (typeof PERIOD_DAYS)[number]; bucket: Bucket }

export function PeriodPicker({ value, onChange }: { value: Period; onChange(next: Period): void }) {
  const { t } = useTranslation('loyalty-analytics');
  return (
    <div className="flex shrink-0 items-end gap-3">
      <label className="text-xs font-medium text-slate-500">{t('period.label')}
        <select className={`${inputClass} mt-1 w-44`} value={value.days}
          onChange={(e) => onChange({ ...value, days: Number(e.target.value) as Period['days'] })}>
          {PERIOD_DAYS.map((days) => <option key={days} value={days}>{t('period.days', { count: days })}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-500">{t('bucket.label')}
        <select className={`${inputClass} mt-1 w-36`} value={value.bucket} onChange={(e) => onChange({ ...value, bucket: e.target.value as Bucket })}>
          {BUCKETS.map((bucket) => <option key={bucket} value={bucket}>{t(`bucket.${bucket}`)}</option>)}
        </select>
      </label>
    </div>
  );
}
