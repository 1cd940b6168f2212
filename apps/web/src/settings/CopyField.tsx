// A read-only value with a copy button: keys, URLs and commands to paste elsewhere.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';

export function CopyField({ value, label, testId, multiline = false }: { value: string; label: string; testId?: string; multiline?: boolean }) {
  const { t } = useTranslation('settings');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access can be refused (e.g. plain http): the value stays selectable.
    }
  };
  return (
    <div className="flex items-stretch overflow-hidden rounded-lg bg-slate-900 ring-1 ring-slate-800">
      <code data-testid={testId} aria-label={label}
        className={`min-w-0 flex-1 select-all px-3 py-2 font-mono text-xs leading-relaxed text-emerald-300 ${multiline ? 'whitespace-pre-wrap break-all' : 'truncate'}`}>
        {value}
      </code>
      <button type="button" onClick={copy} aria-label={t('copy.label', { what: label })}
        className="flex shrink-0 items-center gap-1 border-l border-slate-700 px-3 text-xs font-medium text-slate-300 hover:bg-slate-800 hover:text-white">
        <Icon name={copied ? 'check' : 'copy'} className="h-3.5 w-3.5" />{copied ? t('copy.done') : t('copy.do')}
      </button>
    </div>
  );
}
