// Choosing an event: the events the workspace received (how often, how lately) and the shop
// events Afterglow knows ("Order paid", raw name order_paid beside it), searched by either.
// A name nothing has sent yet can still be typed; the line under the field says so.
import { formatRelativeTime } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';
import { matchesSearch, useEventCatalog, type EventChoice } from './eventCatalog';
import { SuggestInput } from './SuggestInput';

interface PickerProps { id: string; value: string; onChange(v: string): void; className?: string; ariaLabel?: string }

function Seen({ event }: { event: EventChoice }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  if (!event.lastSeenAt) return <span className="shrink-0 text-[11px] text-amber-700">{t('picker.notReceived')}</span>;
  return (
    <span className="shrink-0 text-[11px] text-slate-500">
      {t('picker.received', { count: event.count, ago: formatRelativeTime(locale, new Date(event.lastSeenAt)) })}
    </span>
  );
}

function EventOption({ event }: { event: EventChoice }) {
  return (
    <div data-testid="event-option">
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate font-medium text-slate-900">{event.label}</span>
        <Seen event={event} />
      </div>
      {event.label !== event.name && <div className="truncate font-mono text-[11px] text-slate-500">{event.name}</div>}
      {event.description && <div className="text-[11px] leading-snug text-slate-400">{event.description}</div>}
    </div>
  );
}

/** What the chosen name is: a received event, a known one not received yet, or a name never seen. */
function Status({ id, value, event }: { id: string; value: string; event: EventChoice | undefined }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  if (!value.trim()) return null;
  const line = (warn: boolean, text: string) => (
    <p className={`mt-1 text-xs ${warn ? 'text-amber-700' : 'text-slate-500'}`} data-testid={`${id}-status`}>{text}</p>
  );
  if (!event) return line(true, t('status.unknown', { name: value.trim() }));
  if (!event.lastSeenAt) return line(true, t('status.notReceived', { label: event.label }));
  return line(false, t('status.received', {
    label: event.label, count: event.count, ago: formatRelativeTime(locale, new Date(event.lastSeenAt)),
  }));
}

export function EventPicker({ id, value, onChange, className = '', ariaLabel }: PickerProps) {
  const { t } = useTranslation('events');
  const catalog = useEventCatalog();
  const chosen = catalog.find(value);
  // The exact name chosen lists everything again, so another event is one click away.
  const items = chosen && chosen.name === value ? catalog.events : catalog.events.filter((e) => matchesSearch(e, value));
  return (
    <>
      <SuggestInput id={id} value={value} onChange={onChange} items={items} valueOf={(e) => e.name}
        render={(e) => <EventOption event={e} />} placeholder={t('picker.placeholder')} className={className} ariaLabel={ariaLabel}
        empty={catalog.pending ? t('picker.loading') : t('picker.noMatch', { search: value.trim() })} />
      {catalog.failed ? <p className="mt-1 text-xs text-amber-700" data-testid={`${id}-status`}>{t('picker.failed')}</p>
        : !catalog.pending && <Status id={id} value={value} event={chosen} />}
    </>
  );
}
