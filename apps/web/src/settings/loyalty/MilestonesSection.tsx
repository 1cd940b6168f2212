// Points milestones: a balance crossing one fires a Points Milestone Reached event, so a journey
// can congratulate the customer. Saved sorted, each once.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';
import { FieldError, NumberField, Section } from './fields';
import type { SectionProps } from './types';

export function MilestonesSection({ value, onChange, errors, disabled }: SectionProps<'milestones'>) {
  const { t } = useTranslation('loyalty');
  const next = (value[value.length - 1] ?? 0) + 500;
  return (
    <Section title={t('milestones.title')} subtitle={t('milestones.subtitle')} testId="loyalty-milestones">
      {value.length === 0 && <p className="text-sm text-slate-500" data-testid="loyalty-milestones-empty">{t('milestones.empty')}</p>}
      <ul className="flex flex-wrap gap-3">
        {value.map((points, i) => (
          <li key={i} className="flex items-start gap-1 rounded-lg bg-slate-50 p-2">
            <NumberField id={`milestone-${i}`} label={t('milestones.points', { n: i + 1 })} value={points} min={1} disabled={disabled}
              error={errors[`milestones.${i}`]} onChange={(p) => onChange(value.map((m, n) => (n === i ? p : m)))} />
            {!disabled && (
              <button type="button" aria-label={t('milestones.remove', { points })} onClick={() => onChange(value.filter((_, n) => n !== i))}
                className="mt-6 rounded p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" /></button>
            )}
          </li>
        ))}
      </ul>
      <FieldError message={errors.milestones} />
      {!disabled && value.length < 20 && <Button className="mt-3" icon="plus" onClick={() => onChange([...value, next])}>{t('milestones.add')}</Button>}
    </Section>
  );
}
