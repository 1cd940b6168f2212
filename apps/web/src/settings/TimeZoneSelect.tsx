// The shop's time zone: a searchable list of the IANA zones the browser knows (about 400, too
// many for a plain select), each with its UTC offset today. Typing "belgr", "new york" or
// "+10" narrows it; the form's schema refuses a name that is not a zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SuggestInput } from '../forms/SuggestInput';
import { offsetText } from '../forms/dateTime';

interface Zone { name: string; offset: string; search: string }

const SHOWN = 60;

function allZones(): Zone[] {
  const now = Date.now();
  const names = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return names.map((name) => {
    const offset = `UTC${offsetText(now, name)}`;
    return { name, offset, search: `${name.replace(/_/g, ' ')} ${name} ${offset}`.toLowerCase() };
  });
}

export function TimeZoneSelect({ id, value, onChange, invalid }: { id: string; value: string; onChange(zone: string): void; invalid: boolean }) {
  const { t } = useTranslation('settings');
  const zones = useMemo(allZones, []);
  const query = value.trim().toLowerCase();
  // A zone already chosen lists it first, then the rest (the field was just opened); typing narrows it.
  const chosen = zones.find((z) => z.name.toLowerCase() === query);
  const items = (chosen ? [chosen, ...zones.filter((z) => z !== chosen)] : query === '' ? zones : zones.filter((z) => z.search.includes(query)))
    .slice(0, SHOWN);
  return (
    <SuggestInput id={id} value={value} onChange={onChange} items={items} valueOf={(z) => z.name}
      className={invalid ? 'bg-rose-50/40 ring-rose-300' : ''} placeholder={t('shop.timeZonePlaceholder')}
      empty={t('shop.timeZoneNone')}
      render={(z) => (
        <span className="flex justify-between gap-3">
          <span className="truncate">{z.name.replace(/_/g, ' ')}</span>
          <span className="shrink-0 tabular-nums text-slate-400">{z.offset}</span>
        </span>
      )} />
  );
}
