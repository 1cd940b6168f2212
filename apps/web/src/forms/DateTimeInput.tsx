// The datetime widget: a datetime-local input on the wall clock of the user's time zone (the
// browser's: the web app knows no workspace time zone), stored as ISO 8601 with the offset.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { browserTimeZone, isoToLocalInput, localInputToIso, offsetText } from './dateTime';
import { invalidClass, type FieldProps } from './fieldProps';

export function DateTimeInput({ field, value, onChange, id, path, form }: FieldProps) {
  const { t } = useTranslation('forms');
  const timeZone = browserTimeZone();
  const iso = typeof value === 'string' ? value : '';
  const local = isoToLocalInput(iso, timeZone);
  const shownAt = local ? Date.parse(iso) : Date.now();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} type="datetime-local" value={local} onChange={(e) => onChange(localInputToIso(e.target.value, timeZone))}
          className={`${inputClass} ${invalidClass(form.errors.has(path))} min-w-0 flex-1`} />
        {iso && !form.disabled && (
          <button type="button" onClick={() => onChange('')} aria-label={t('dateTime.clearLabel', { label: field.label ?? t('dateTime.theDate') })}
            className="shrink-0 rounded px-1.5 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-800">{t('dateTime.clear')}</button>
        )}
      </div>
      <p className="mt-1 text-[11px] text-slate-400" data-testid={`${id}-zone`}>
        {t('dateTime.zone', { zone: timeZone, offset: offsetText(shownAt, timeZone) })}{iso && !local && t('dateTime.notADate', { value: iso })}
      </p>
    </div>
  );
}
