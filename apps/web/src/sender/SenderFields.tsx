// The three parts of a sender (from name, from address, reply-to) as one row of inputs, each
// with the server's message for it: the workspace default (Settings) and a template's own
// sender (the template editor) are edited with the same fields.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';

export interface Sender { fromName: string; fromAddress: string; replyTo: string }

export const NO_SENDER: Sender = { fromName: '', fromAddress: '', replyTo: '' };

const FIELDS = [
  { name: 'fromName', type: 'text' }, { name: 'fromAddress', type: 'email' }, { name: 'replyTo', type: 'email' },
] as const;

export function SenderFields({ value, onChange, errors, disabled, placeholders, stacked = false }: {
  value: Sender; onChange(value: Sender): void; errors: Record<string, string>; disabled?: boolean;
  /** One field a row (a dialog); else the three side by side on wide screens. */
  stacked?: boolean;
  /** What applies when a field is left empty (the workspace's sender, under a template's). */
  placeholders?: Partial<Sender>;
}) {
  const { t } = useTranslation('sender');
  return (
    <div className={`grid gap-4 ${stacked ? '' : 'sm:grid-cols-3'}`}>
      {FIELDS.map(({ name, type }) => (
        <label key={name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t(`field.${name}`)}
          <input type={type} className={inputClass} value={value[name]} disabled={disabled} maxLength={254}
            placeholder={placeholders?.[name] || t(`placeholder.${name}`)}
            onChange={(e) => onChange({ ...value, [name]: e.target.value })} />
          {errors[name] && <span className="text-xs text-rose-600" role="alert">{errors[name]}</span>}
        </label>
      ))}
    </div>
  );
}
