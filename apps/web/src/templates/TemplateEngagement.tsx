// One line of engagement on a template's card: how many emails it sent and the share of
// them opened and clicked (each email once; machine opens not counted), plus bounces and
// unsubscribes when there are any.
interface Engagement { sent: number; opens: number; clicks: number; bounces: number; unsubscribes: number }

const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

export function TemplateEngagement({ id, stats }: { id: string; stats: Engagement | undefined }) {
  if (!stats || stats.sent === 0) return null;
  return (
    <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-slate-600" data-testid={`template-stats-${id}`}>
      <span><b className="tabular-nums text-slate-900">{stats.sent.toLocaleString()}</b> sent</span>
      <span><b className="tabular-nums text-slate-900">{pct(stats.opens, stats.sent)}</b> opened</span>
      <span><b className="tabular-nums text-slate-900">{pct(stats.clicks, stats.sent)}</b> clicked</span>
      {stats.bounces > 0 && <span className="text-rose-600">{stats.bounces.toLocaleString()} bounced</span>}
      {stats.unsubscribes > 0 && <span className="text-amber-700">{stats.unsubscribes.toLocaleString()} unsubscribed</span>}
    </p>
  );
}
