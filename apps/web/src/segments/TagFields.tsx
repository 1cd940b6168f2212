// The condition on the customer's tags: "has" or "does not have" a tag, compared exactly as
// written (journeys add tags with Update profile; the shop's come from Shopify or identify).
import { useTranslation } from 'react-i18next';
import { sized, small } from './ActivityFields';
import type { ConditionRule } from './rule';

type TagRule = Extract<ConditionRule, { kind: 'tag' }>;

export function TagFields({ rule, onChange }: { rule: TagRule; onChange(r: ConditionRule): void }) {
  const { t } = useTranslation('tags');
  return (
    <>
      <select aria-label={t('segment.opLabel')} className={small} value={rule.op}
        onChange={(e) => onChange({ ...rule, op: e.target.value === 'lacks' ? 'lacks' : 'has' })}>
        <option value="has">{t('segment.has')}</option>
        <option value="lacks">{t('segment.lacks')}</option>
      </select>
      <input aria-label={t('segment.label')} className={sized('!w-44')} value={rule.tag} placeholder={t('segment.placeholder')}
        onChange={(e) => onChange({ ...rule, tag: e.target.value })} />
    </>
  );
}
