// Edits a rule tree: AND/OR groups of conditions, nested up to a few levels.
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { issuesUnder } from '../ui/fieldIssues';
import { inputClass } from '../ui/kit';
import { ConditionFields } from './ConditionFields';
import { conditionKinds, newCondition, newGroup, type ConditionKind, type GroupRule, type SegmentRule } from './rule';

const MAX_DEPTH = 3;
const small = `${inputClass} !w-auto !py-1.5`;

interface GroupProps {
  group: GroupRule; onChange(g: GroupRule): void; onRemove?(): void; depth?: number;
  /** The server's refusals by field path ('rule.rules.1.value'), and this group's path. */
  issues?: Record<string, string>; path?: string;
}

export function RuleGroup({ group, onChange, onRemove, depth = 0, issues = {}, path = 'rule' }: GroupProps) {
  const { t } = useTranslation('segments');
  const setChild = (i: number, next: SegmentRule | null) =>
    onChange({ ...group, rules: next ? group.rules.map((r, j) => (j === i ? next : r)) : group.rules.filter((_, j) => j !== i) });
  return (
    <div className={`rounded-xl p-4 ring-1 ${depth === 0 ? 'bg-white ring-slate-200' : 'bg-slate-50 ring-slate-200'}`} data-testid={`rule-group-${depth}`}>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        {t('group.prefix')}
        <select aria-label={t('group.matchLabel')} value={group.op} onChange={(e) => onChange({ ...group, op: e.target.value as 'and' | 'or' })} className={small}>
          <option value="and">{t('group.all')}</option>
          <option value="or">{t('group.any')}</option>
        </select>
        {onRemove && <button type="button" onClick={onRemove} className="ml-auto text-xs text-slate-400 hover:text-rose-600">{t('group.remove')}</button>}
      </div>
      <div className="space-y-2">
        {group.rules.length === 0 && <p className="text-sm text-slate-400">{group.op === 'and' ? t('group.emptyAll') : t('group.emptyAny')}</p>}
        {group.rules.map((rule, i) => {
          const at = `${path}.rules.${i}`;
          const said = rule.kind === 'group' ? [] : issuesUnder(issues, at);
          return (
          <div key={i}>
            {i > 0 && <div className="py-1 pl-2 text-[11px] font-semibold uppercase tracking-wide text-violet-600">{group.op === 'and' ? t('group.and') : t('group.or')}</div>}
            {rule.kind === 'group'
              ? <RuleGroup group={rule} depth={depth + 1} onChange={(g) => setChild(i, g)} onRemove={() => setChild(i, null)} issues={issues} path={at} />
              : (
                <div className={`flex flex-wrap items-center gap-2 rounded-lg bg-white p-2.5 ring-1 ${said.length ? 'ring-rose-300' : 'ring-slate-200'}`} data-testid={`condition-${at}`}>
                  <select aria-label={t('condition.type')} value={rule.kind} className={small}
                    onChange={(e) => setChild(i, newCondition(e.target.value as ConditionKind))}>
                    {conditionKinds.map((kind) => <option key={kind} value={kind}>{t(kind === 'tag' ? 'tags:segment.kind' : `kind.${kind}`)}</option>)}
                  </select>
                  <ConditionFields rule={rule} onChange={(r) => setChild(i, r)} />
                  <button type="button" aria-label={t('condition.remove')} onClick={() => setChild(i, null)}
                    className="ml-auto rounded p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" /></button>
                  {said.map((m) => <p key={m} className="basis-full text-xs text-rose-600" role="alert">{m}</p>)}
                </div>
              )}
          </div>
          );
        })}
      </div>
      <div className="mt-3 flex gap-3 text-sm">
        <button type="button" className="font-medium text-violet-700 hover:text-violet-900"
          onClick={() => onChange({ ...group, rules: [...group.rules, newCondition('orders')] })}>{t('group.addCondition')}</button>
        {depth < MAX_DEPTH - 1 && (
          <button type="button" className="font-medium text-violet-700 hover:text-violet-900"
            onClick={() => onChange({ ...group, rules: [...group.rules, newGroup(group.op === 'and' ? 'or' : 'and', [newCondition('bought')])] })}>{t('group.addGroup')}</button>
        )}
      </div>
    </div>
  );
}
