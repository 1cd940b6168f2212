// The editor toolbar's Simulate button and the panel it opens. Those who may read results
// (managers too) open it; starting one needs the right to change the journey.
import type { JourneyGraph, JourneyStats } from '@afterglow/journey-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { Button } from '../../ui/kit';
import { SimulationPanel } from './SimulationPanel';

export function SimulateButton(p: {
  journeyId: string; versions: readonly { id: string; version: number }[]; graph: JourneyGraph;
  flush(): Promise<void>; onCanvas(stats: JourneyStats): void;
}) {
  const { t } = useTranslation('simulation');
  const [open, setOpen] = useState(false);
  if (!useCan()('simulations.list')) return null;
  return (
    <>
      {/* The toolbar is full: below 2xl widths the button is its icon (named for screen readers and in its tooltip). */}
      <Button icon="hourglass" onClick={() => setOpen(true)} aria-label={t('button')} title={t('button')} data-testid="simulate">
        <span className="hidden 2xl:inline">{t('button')}</span>
      </Button>
      {open && <SimulationPanel {...p} onCanvas={(stats) => { p.onCanvas(stats); setOpen(false); }} onClose={() => setOpen(false)} />}
    </>
  );
}
