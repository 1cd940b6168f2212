// Engagement on a template's card, over every journey that sends it: emails sent, and the
// share of them opened, clicked, bounced, unsubscribed from and marked as spam, each as a
// figure and a bar (each email counted once; opens by scanners, prefetchers and Apple MPP
// counted only when Settings says so).
interface Engagement { sent: number; opens: number; clicks: number; bounces: number; unsubscribes: number; complaints: number }

const rows = [
  { key: 'opens', label: 'opened', bar: 'bg-emerald-500' },
  { key: 'clicks', label: 'clicked', bar: 'bg-violet-500' },
  { key: 'bounces', label: 'bounced', bar: 'bg-rose-500' },
  { key: 'unsubscribes', label: 'unsubscribed', bar: 'bg-amber-500' },
  { key: 'complaints', label: 'spam reports', bar: 'bg-red-700' },
] as const;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function TemplateEngagement({ id, stats }: { id: string; stats: Engagement | undefined }) {
  if (!stats || stats.sent === 0) {
    return <p className="mt-2 text-xs text-slate-400" data-testid={`template-stats-${id}`}>Not sent by a journey yet</p>;
  }
  return (
    <div className="mt-3 space-y-1" data-testid={`template-stats-${id}`}>
      <p className="text-xs text-slate-600"><b className="tabular-nums text-slate-900">{stats.sent.toLocaleString()}</b> sent</p>
      {rows.map((r) => {
        const share = pct(stats[r.key], stats.sent);
        return (
          <div key={r.key} className="grid grid-cols-[1fr_auto] items-center gap-x-2 text-[11px] text-slate-500"
            title={`${stats[r.key].toLocaleString()} of ${stats.sent.toLocaleString()} emails ${r.label}`}>
            <div className="h-1.5 overflow-hidden rounded-full bg-slate-100" role="meter" aria-label={`${r.label} ${share}%`}
              aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
              <div className={`h-full rounded-full ${r.bar}`} style={{ width: `${Math.min(100, share)}%` }} />
            </div>
            <span className="w-32 text-right" data-testid={`template-stat-${id}-${r.key}`}>
              <b className="tabular-nums text-slate-800">{share}%</b> {r.label} <span className="tabular-nums">({stats[r.key].toLocaleString()})</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
