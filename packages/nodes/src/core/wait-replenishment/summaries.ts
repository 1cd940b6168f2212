// The Replenishment wait's card line, in words: "Until 7 days before the predicted next purchase
// of the order’s products, at 10:00 (otherwise 60 days after the purchase)".
import type { Summaries } from '../../shared/translate';
import { QUOTE } from '../../shared/words';
import type { ReplenishmentConfig } from './definition';

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export const summaries: Summaries<ReplenishmentConfig> = {
  en: (c, say) => {
    const of = { 'order-products': 'of the order’s products', 'order-categories': 'from the order’s categories',
      product: `of ${QUOTE.en(say.quote(c.value))}`, category: `from ${QUOTE.en(say.quote(c.value))}` }[c.for];
    const before = c.leadDays ? `${say.count(c.leadDays, { one: 'day', other: 'days' })} before ` : '';
    return `Until ${before}the predicted next purchase ${of}, at ${clock(c.atHour)} (otherwise ${say.count(c.fallbackDays, { one: 'day', other: 'days' })} after the purchase)`;
  },
  sr: (c, say) => {
    const of = { 'order-products': 'производа из поруџбине', 'order-categories': 'из категорија поруџбине',
      product: `производа ${QUOTE.sr(say.quote(c.value))}`, category: `из категорије ${QUOTE.sr(say.quote(c.value))}` }[c.for];
    const before = c.leadDays ? `${say.count(c.leadDays, { one: 'дан', few: 'дана', other: 'дана' })} пре ` : '';
    return `До ${before}очекиване следеће куповине ${of}, у ${clock(c.atHour)} (иначе ${say.count(c.fallbackDays, { one: 'дан', few: 'дана', other: 'дана' })} после куповине)`;
  },
  sl: (c, say) => {
    const of = { 'order-products': 'izdelkov iz naročila', 'order-categories': 'iz kategorij naročila',
      product: `izdelka ${QUOTE.sl(say.quote(c.value))}`, category: `iz kategorije ${QUOTE.sl(say.quote(c.value))}` }[c.for];
    // "pred" takes the instrumental, "do" alone the genitive.
    const until = c.leadDays
      ? `Do ${say.count(c.leadDays, { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' })} pred predvidenim naslednjim nakupom`
      : 'Do predvidenega naslednjega nakupa';
    return `${until} ${of}, ob ${clock(c.atHour)} (sicer ${say.count(c.fallbackDays, { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' })} po nakupu)`;
  },
  ru: (c, say) => {
    const of = { 'order-products': 'товаров из заказа', 'order-categories': 'из категорий заказа',
      product: `товара ${QUOTE.ru(say.quote(c.value))}`, category: `из категории ${QUOTE.ru(say.quote(c.value))}` }[c.for];
    const start = c.leadDays ? `За ${say.count(c.leadDays, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })} до` : 'До';
    return `${start} ожидаемой следующей покупки ${of}, в ${clock(c.atHour)} (иначе через ${say.count(c.fallbackDays, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })} после покупки)`;
  },
};
