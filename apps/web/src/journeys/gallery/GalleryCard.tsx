// One journey of the gallery: its picture, what it does, the playbook's reason, the events it
// needs (with whether the shop has sent each yet), and "Use", which creates the draft.
import { knownEvent, knownEventText } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import type { Api, inferOutput } from '../../trpc';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { GraphPicture } from './GraphPicture';

type Entry = inferOutput<Api['journeys']['gallery']>[number];

function EventNeeded({ name, seen }: { name: string; seen: boolean }) {
  const { t } = useTranslation('gallery');
  const locale = useLocale();
  const known = knownEvent(name);
  const label = known ? knownEventText(known, locale).label : name;
  return (
    <li className="flex items-center gap-1.5" title={name}>
      <span className={`h-2 w-2 shrink-0 rounded-full ${seen ? 'bg-emerald-500' : 'bg-amber-400'}`} />
      <span className="text-slate-700">{label}</span>
      <span className={seen ? 'text-emerald-700' : 'text-amber-700'}>{seen ? t('event.seen') : t('event.notYet')}</span>
    </li>
  );
}

export function GalleryCard({ entry, onUse, busy }: { entry: Entry; onUse(): void; busy: boolean }) {
  const { t } = useTranslation('gallery');
  return (
    <div className="flex flex-col rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`gallery-${entry.key}`}>
      <div className="rounded-lg bg-slate-50 p-2"><GraphPicture graph={entry.graph} label={t('picture', { title: entry.title })} /></div>
      <h2 className="mt-3 text-base font-semibold text-slate-900">{entry.title}</h2>
      <p className="mt-1 text-sm text-slate-600">{entry.does}</p>
      <p className="mt-2 flex gap-1.5 text-sm italic text-violet-800"><Icon name="star" className="mt-0.5 h-4 w-4 shrink-0" />{entry.why}</p>
      {entry.events.length > 0 && (
        <div className="mt-3 text-xs">
          <div className="font-medium uppercase tracking-wide text-slate-500">{t('events')}</div>
          <ul className="mt-1 space-y-1">{entry.events.map((e) => <EventNeeded key={e.name} {...e} />)}</ul>
        </div>
      )}
      {entry.templates.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">{t('templates', { count: entry.templates.length, names: entry.templates.join(', ') })}</p>
      )}
      <div className="mt-auto pt-4">
        <Button variant="primary" icon="plus" onClick={onUse} disabled={busy} data-testid={`use-${entry.key}`}>{t('use')}</Button>
      </div>
    </div>
  );
}
