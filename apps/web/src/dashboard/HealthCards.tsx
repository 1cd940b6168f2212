// Email health, coupon economics and loyalty points: three cards of figures, each downloadable.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';
import { count, money, percent } from './format';
import { FigureList, Section } from './Section';
import type { Dashboard } from './types';

interface Figure { key: string; value: number | null; shown: string }

export function HealthCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const e = data.email;
  const c = data.coupons;
  const l = data.loyalty;
  const n = (key: string, value: number) => ({ key, value, shown: count(locale, value) });
  const pc = (key: string, value: number | null) => ({ key, value, shown: percent(locale, value) });
  const m = (key: string, value: number) => ({ key, value, shown: money(locale, value) });
  const cards: { id: string; figures: Figure[] }[] = [
    { id: 'email', figures: [n('sent', e.sent), n('delivered', e.delivered), pc('deliveredRate', e.deliveredRate), n('bounced', e.bounced),
      n('hardBounced', e.hardBounced), n('softBounced', e.softBounced), pc('bounceRate', e.bounceRate), n('unsubscribed', e.unsubscribed), pc('unsubscribeRate', e.unsubscribeRate),
      n('complained', e.complained), pc('complaintRate', e.complaintRate)] },
    { id: 'coupons', figures: [n('issued', c.issued), n('redeemed', c.redeemed), pc('redemptionRate', c.redemptionRate),
      m('discountGiven', c.discountGiven), m('couponRevenue', c.revenue), m('attributedRevenue', data.attributed.revenue)] },
    { id: 'points', figures: [n('pointsIssued', l.issued), n('pointsRedeemed', l.redeemed), n('pointsOutstanding', l.outstanding)] },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {cards.map((card) => (
        <Section key={card.id} title={t(`${card.id}.title`)} note={t(`${card.id}.note`)} testId={`card-${card.id}`}
          csv={{ filename: card.id, table: () => ({ header: [t('csv.figure'), t('csv.value')], rows: card.figures.map((f) => [t(`figure.${f.key}`), f.value]) }) }}>
          <FigureList rows={card.figures.map((f) => ({ key: f.key, label: t(`figure.${f.key}`), value: f.shown }))} />
        </Section>
      ))}
    </div>
  );
}
