// Inputs of the behaviour conditions: events, email engagement, loyalty points and tier, other segments.
import { inputClass } from '../ui/kit';
import { orderOps, type ConditionRule } from './rule';
import { LIST_IDS, useVocabulary } from './vocabulary';

export const small = `${inputClass} !w-auto !py-1.5`;
export const sized = (width: string) => `${inputClass} !py-1.5 ${width}`;

export function WithinDays({ value, onChange }: { value: number | undefined; onChange(v: number | undefined): void }) {
  return (
    <>
      <select aria-label="Time window" className={small} value={value === undefined ? 'ever' : 'within'}
        onChange={(e) => onChange(e.target.value === 'ever' ? undefined : 90)}>
        <option value="ever">ever</option>
        <option value="within">in the last</option>
      </select>
      {value !== undefined && (
        <>
          <input type="number" min={1} aria-label="Days" className={sized('!w-20')} value={value}
            onChange={(e) => onChange(e.target.valueAsNumber || 1)} />
          <span className="text-sm text-slate-600">days</span>
        </>
      )}
    </>
  );
}

type Activity = Extract<ConditionRule, { kind: 'event' | 'email' | 'loyalty' | 'tier' | 'segment' }>;

export function ActivityFields({ rule, onChange }: { rule: Activity; onChange(r: ConditionRule): void }) {
  const { segments, tiers } = useVocabulary();
  switch (rule.kind) {
    case 'event': return (
      <>
        <select aria-label="Did or did not" className={small} value={rule.negate ? 'not' : 'did'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="did">did</option>
          <option value="not">did not do</option>
        </select>
        <input aria-label="Event name" list={LIST_IDS.events} className={sized('!w-44')} placeholder="e.g. Viewed Product" value={rule.name}
          onChange={(e) => onChange({ ...rule, name: e.target.value })} />
        <span className="text-sm text-slate-600">{rule.negate ? 'at least' : 'at least'}</span>
        <input type="number" min={1} aria-label="Times" className={sized('!w-16')} value={rule.minCount}
          onChange={(e) => onChange({ ...rule, minCount: Math.max(1, e.target.valueAsNumber || 1) })} />
        <span className="text-sm text-slate-600">{rule.minCount === 1 ? 'time' : 'times'}</span>
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
    case 'email': return (
      <>
        <select aria-label="Engaged or not" className={small} value={rule.negate ? 'not' : 'has'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="has">has</option>
          <option value="not">has not</option>
        </select>
        <select aria-label="Opened or clicked" className={small} value={rule.action} onChange={(e) => onChange({ ...rule, action: e.target.value as 'open' | 'click' })}>
          <option value="open">opened an email</option>
          <option value="click">clicked a link in an email</option>
        </select>
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
    case 'loyalty': return (
      <>
        <span className="text-sm text-slate-600">points balance is</span>
        <select aria-label="Comparison" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          {orderOps.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <input type="number" aria-label="Points" className={sized('!w-24')} value={rule.value}
          onChange={(e) => onChange({ ...rule, value: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })} />
      </>
    );
    case 'tier': return (
      <>
        <span className="text-sm text-slate-600">loyalty tier is</span>
        <select aria-label="Exactly or at least" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          <option value="atLeast">at least</option>
          <option value="is">exactly</option>
        </select>
        {/* The tiers and their thresholds come from the server (one definition, packages/db). */}
        <select aria-label="Tier" className={small} value={rule.tier} onChange={(e) => onChange({ ...rule, tier: e.target.value })}>
          {!tiers.some((t) => t.name === rule.tier) && <option value={rule.tier}>{rule.tier}</option>}
          {tiers.map((t) => <option key={t.name} value={t.name}>{t.name} ({t.minLifetimePoints.toLocaleString()}+ lifetime points)</option>)}
        </select>
      </>
    );
    case 'segment': return (
      <>
        <select aria-label="In or not in" className={small} value={rule.negate ? 'not' : 'in'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="in">is in</option>
          <option value="not">is not in</option>
        </select>
        <select aria-label="Segment" className={sized('!w-56')} value={rule.segmentId} onChange={(e) => onChange({ ...rule, segmentId: e.target.value })}>
          <option value="">Choose a segment…</option>
          {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </>
    );
  }
}
