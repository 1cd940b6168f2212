// The period (last 7, 30, 90 or 365 days) and whether the charts group it by day or by week.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../ui/kit';
import { PERIOD_DAYS, type PeriodDays } from './format';

export interface ReportPeriod { days: PeriodDays; bucket: 'day' | 'week' }

export function ReportControls({ value, onChange }: { value: ReportPeriod; onChange(next: ReportPeriod): void }) {
  const { t } = useTranslation('journey-report');
  return (
    <div className="flex items-end gap-3">
      <label className="text-xs font-medium text-slate-500">{t('period.label')}
        <select className={`${inputClass} mt-1 w-44`} value={value.days} data-testid="report-period"
          onChange={(e) => onChange({ ...value, days: Number(e.target.value) as PeriodDays })}>
          {PERIOD_DAYS.map((days) => <option key={days} value={days}>{t('period.days', { count: days })}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-500">{t('bucket.label')}
        <select className={`${inputClass} mt-1 w-36`} value={value.bucket}
          onChange={(e) => onChange({ ...value, bucket: e.target.value as ReportPeriod['bucket'] })}>
          <option value="day">{t('bucket.day')}</option>
          <option value="week">{t('bucket.week')}</option>
        </select>
      </label>
    </div>
  );
}
