// The customer's points history on the customer page: where each entry came from (the ledger's
// kind: a journey's step, an order, its refund, a review, a birthday…), in the reader's language,
// with the step's own words for what a journey or staff granted.
import { formatNumber } from '@afterglow/i18n';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';
import { moment } from './format';

interface LedgerEntry { id: number; points: number; reason: string; kind: string; orderId: string | null; createdAt: string }

const SIGNED: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };
/** Kinds whose entries Afterglow writes itself: described in the reader's language, not by their stored reason. */
const DESCRIBED = new Set(['order', 'refund', 'review', 'referral', 'birthday', 'signup', 'redeem', 'expire']);
const KINDS = new Set([...DESCRIBED, 'grant', 'adjust']);

/** `aside`: what staff can do with the points (Redeem reward), beside the title. */
export function CustomerPoints({ ledger, aside }: { ledger: LedgerEntry[]; aside?: ReactNode }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  return (
    <Section title={t('points.title')} aside={aside}>
      {ledger.length === 0 ? <p className="text-sm text-slate-400">{t('points.none')}</p> : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="loyalty-ledger">
          {ledger.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-3 py-2" data-kind={l.kind}>
              <div className="min-w-0">
                <div className="text-slate-700 [overflow-wrap:anywhere]" title={l.reason}>
                  {DESCRIBED.has(l.kind) ? t(`points.from.${l.kind}`, { order: l.orderId ?? '' }) : l.reason}
                </div>
                <div className="text-xs text-slate-400">
                  {KINDS.has(l.kind) ? `${t(`points.kind.${l.kind}`)} · ` : ''}{moment(locale, l.createdAt)}
                </div>
              </div>
              <span className={`shrink-0 font-semibold tabular-nums ${l.points >= 0 ? 'text-emerald-600' : 'text-rose-600'}`}>{formatNumber(locale, l.points, SIGNED)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
