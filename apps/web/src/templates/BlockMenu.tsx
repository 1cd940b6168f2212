// The code view's "Insert block": the shop blocks of the visual editor (order items, frequently
// bought together, the reviewed product, coupon, My rewards) and the workspace's saved blocks,
// put in at the cursor as MJML (a saved block as its link: visual/linkedBlocks.ts). Each is
// body-level: place the cursor between two sections.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { emailBlocks } from './visual/blocks';
import { blockLink } from './visual/linkedBlocks';

export function BlockMenu({ onInsert }: { onInsert(mjml: string): void }) {
  const { t } = useTranslation('email-editor');
  const trpc = useTRPC();
  const saved = useQuery(trpc.emailBlocks.list.queryOptions());
  const [shop] = useState(() => emailBlocks(t).filter((b) => b.category === 'shop'));
  return (
    <select aria-label={t('menu.insert')} title={t('menu.hint')} value="" className="rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200"
      onChange={(e) => { if (e.target.value) onInsert(`\n${e.target.value}\n`); }}>
      <option value="">{t('menu.placeholder')}</option>
      <optgroup label={t('category.shop')}>
        {shop.map((b) => <option key={b.id} value={b.content}>{t(`block.${b.id}`)}</option>)}
      </optgroup>
      {saved.data && saved.data.length > 0 && (
        <optgroup label={t('category.saved')}>
          {saved.data.map((b) => <option key={b.id} value={blockLink(b.id, b.name)}>{b.name}</option>)}
        </optgroup>
      )}
    </select>
  );
}
