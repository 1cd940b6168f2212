// The editor's languages: a tab per language the template has (the main one first), a button to
// remove a variant, a menu to add one, and the choice of the main language. Language names come
// from Intl in the user's own language, so no catalogue has to list them.
import type { Locale } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { languageName as namedIn } from '../ui/languageNames';
import { useLocale } from '../ui/locale';
import { addLanguage, languagesOf, removeLanguage, TEMPLATE_LANGUAGES, type Draft, type Language } from './draft';

/** A tab's language in the user's words, capitalised as a tab title ("Српски", "Serbian"). */
export function languageName(language: Language | Locale, uiLocale: Locale): string {
  const name = namedIn(language, uiLocale);
  return name.charAt(0).toLocaleUpperCase(uiLocale) + name.slice(1);
}

export function LanguageTabs({ draft, active, onActive, onChange }: {
  draft: Draft; active: Language; onActive(language: Language): void; onChange(draft: Draft): void;
}) {
  const { t } = useTranslation('templates');
  const locale = useLocale();
  const present = languagesOf(draft);
  const missing = TEMPLATE_LANGUAGES.filter((l) => !present.includes(l));
  const remove = (language: Language) => {
    onChange(removeLanguage(draft, language));
    if (active === language) onActive(draft.language);
  };
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 px-4 pt-2" data-testid="template-languages">
      <div role="tablist" aria-label={t('languages.label')} className="flex flex-wrap items-end gap-1">
        {present.map((language) => (
          <div key={language} className={`flex items-center rounded-t-lg border border-b-0 px-1 ${active === language ? 'border-slate-200 bg-white' : 'border-transparent'}`}>
            <button type="button" role="tab" aria-selected={active === language} onClick={() => onActive(language)} data-testid={`language-tab-${language}`}
              className={`px-2 py-1.5 text-xs font-semibold ${active === language ? 'text-violet-700' : 'text-slate-500 hover:text-slate-800'}`}>
              {languageName(language, locale)}
              {language === draft.language && <span className="ml-1 font-normal text-slate-400">{t('languages.main')}</span>}
            </button>
            {language !== draft.language && (
              <button type="button" aria-label={t('languages.remove', { language: languageName(language, locale) })} onClick={() => remove(language)}
                className="rounded p-0.5 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" className="h-3 w-3" /></button>
            )}
          </div>
        ))}
      </div>
      {missing.length > 0 && (
        <select aria-label={t('languages.add')} value="" className="ml-1 rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200"
          onChange={(e) => { const l = e.target.value as Language; if (l) { onChange(addLanguage(draft, l)); onActive(l); } }}>
          <option value="">{t('languages.add')}</option>
          {missing.map((l) => <option key={l} value={l}>{languageName(l, locale)}</option>)}
        </select>
      )}
      <label className="ml-auto flex items-center gap-1.5 pb-1 text-xs text-slate-500">{t('languages.mainLabel')}
        <select className="rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200" value={draft.language}
          onChange={(e) => { onChange({ ...draft, language: e.target.value as Language }); onActive(e.target.value as Language); }}>
          {[draft.language, ...missing].map((l) => <option key={l} value={l}>{languageName(l, locale)}</option>)}
        </select>
      </label>
    </div>
  );
}
