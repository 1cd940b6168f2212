// The condition on the customer's language: "is" a language (Serbian covers both scripts and
// every region; Serbian Latin only the Latin one) or "is unknown" (they get the shop's default).
// Languages are named in the reader's language; a tag saved through the API that the list does
// not offer stays selectable as it is.
import { useTranslation } from 'react-i18next';
import { languageName, RULE_LANGUAGES } from '../ui/languageNames';
import { useLocale } from '../ui/locale';
import { small } from './ActivityFields';
import type { ConditionRule } from './rule';

type LanguageRule = Extract<ConditionRule, { kind: 'language' }>;

export function LanguageFields({ rule, onChange }: { rule: LanguageRule; onChange(r: ConditionRule): void }) {
  const { t } = useTranslation('segments');
  const locale = useLocale();
  const choices = rule.language && !RULE_LANGUAGES.includes(rule.language) ? [...RULE_LANGUAGES, rule.language] : RULE_LANGUAGES;
  return (
    <>
      <span className="text-sm text-slate-600">{t('language.prefix')}</span>
      <select aria-label={t('language.opLabel')} className={small} value={rule.op}
        onChange={(e) => onChange(e.target.value === 'unknown' ? { kind: 'language', op: 'unknown' } : { kind: 'language', op: 'is', language: rule.language ?? 'sr' })}>
        <option value="is">{t('language.is')}</option>
        <option value="unknown">{t('language.unknown')}</option>
      </select>
      {rule.op === 'is' && (
        <select aria-label={t('language.label')} className={small} value={rule.language ?? ''} onChange={(e) => onChange({ ...rule, language: e.target.value })}>
          {choices.map((tag) => <option key={tag} value={tag}>{languageName(tag, locale)}</option>)}
        </select>
      )}
    </>
  );
}
