// Choosing a property key of an event: the keys the chosen event (or the journey's trigger
// event) was received with, each with its type and a value seen, searched as typed. Any key
// can still be typed (a dotted path reaches deeper: products.0.sku).
import { useTranslation } from 'react-i18next';
import { useEventCatalog, type EventProperty } from './eventCatalog';
import { SuggestInput } from './SuggestInput';

interface PropertyPickerProps {
  id: string; value: string; onChange(v: string): void; className?: string; ariaLabel?: string; placeholder?: string;
  /** The events whose keys are offered (names as the journey stores them). */
  events: readonly string[];
}

function PropertyOption({ property }: { property: EventProperty }) {
  const { t } = useTranslation('events');
  return (
    <div className="flex items-baseline justify-between gap-2" data-testid="property-option">
      <span className="truncate font-mono text-xs text-slate-900">{property.key}</span>
      <span className="shrink-0 truncate text-[11px] text-slate-500">
        {t(`type.${property.type}`)}
        {property.sample !== undefined && ` · ${t('property.sample', { sample: String(property.sample) })}`}
      </span>
    </div>
  );
}

export function EventPropertyPicker({ id, value, onChange, className = '', ariaLabel, placeholder, events }: PropertyPickerProps) {
  const { t } = useTranslation('events');
  const catalog = useEventCatalog();
  const byKey = new Map<string, EventProperty>();
  for (const name of events) for (const p of catalog.find(name)?.properties ?? []) if (!byKey.has(p.key)) byKey.set(p.key, p);
  const all = [...byKey.values()];
  const search = value.trim().toLowerCase();
  const items = byKey.has(value) ? all : all.filter((p) => p.key.toLowerCase().includes(search));
  const hint = events.length === 0 ? t('property.chooseEvent')
    : catalog.pending ? null
      : all.length === 0 ? t('property.none')
        : search && !byKey.has(value.trim()) ? t('property.unknown') : null;
  return (
    <>
      <SuggestInput id={id} value={value} onChange={onChange} items={items} valueOf={(p) => p.key}
        render={(p) => <PropertyOption property={p} />} placeholder={placeholder ?? t('property.placeholder')} className={className} ariaLabel={ariaLabel} />
      {hint && <p className="mt-1 text-xs text-slate-500" data-testid={`${id}-status`}>{hint}</p>}
    </>
  );
}
