// Engagement on a template's card, over every journey that sends it: emails sent, and the
// share of them opened, clicked, bounced, unsubscribed from and marked as spam, each as a
// figure and a bar (each email counted once; opens by scanners, prefetchers and Apple MPP
// counted only when Settings says so).
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';

interface Engagement { sent: number; opens: number; clicks: number; bounces: number; unsubscribes: number; complaints: number }

const rows = [
  { key: 'opens', bar: 'bg-emerald-500' },
  { key: 'clicks', bar: 'bg-violet-500' },
  { key: 'bounces', bar: 'bg-rose-500' },
  { key: 'unsubscribes', bar: 'bg-amber-500' },
  { key: 'complaints', bar: 'bg-red-700' },
] as const;

const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function TemplateEngagement({ id, stats }: { id: string; stats: Engagement | undefined }) {
  const { t } = useTranslation('templates');
  const locale = useLocale();
  if (!stats || stats.sent === 0) {
    return <p className="mt-2 text-xs text-slate-400" data-testid={`template-stats-${id}`}>{t('stats.none')}</p>;
  }
  const n = (value: number) => formatNumber(locale, value);
  return (
    <div className="mt-3 space-y-1" data-testid={`template-stats-${id}`}>
      <p className="text-xs text-slate-600">{t('stats.sent', { count: stats.sent })}</p>
      {rows.map((r) => {
        const share = pct(stats[r.key], stats.sent);
        const percent = formatNumber(locale, share / 100, PERCENT);
        const label = t(`stats.${r.key}`);
        return (
          <div key={r.key} className="grid grid-cols-[1fr_auto] items-center gap-x-2 text-[11px] text-slate-500"
            title={t('stats.of', { part: stats[r.key], whole: stats.sent, what: label })}>
            <div className="h-1.5 overflow-hidden rounded-full bg-slate-100" role="meter" aria-label={`${label} ${percent}`}
              aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
              <div className={`h-full rounded-full ${r.bar}`} style={{ width: `${Math.min(100, share)}%` }} />
            </div>
            <span className="w-36 text-right" data-testid={`template-stat-${id}-${r.key}`}>
              <b className="tabular-nums text-slate-800">{percent}</b> {label} <span className="tabular-nums">({n(stats[r.key])})</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
