// Condition: has bought, in the shops' languages (the words of the segment editor's purchase
// condition: из категорије, од бренда; v kategoriji; из категории).
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE } from '../../shared/words';
import type { HasBoughtConfig } from './definition';

const messages = (t: [string, string, string, string, string, string]) => ({
  'Enter the category, brand or product ID': t[0], 'At most 300 characters': t[1], 'Enter a number of days': t[2],
  'Use whole days': t[3], 'Use 0 or more days': t[4], 'At most 36500 days': t[5],
});

export const translations = translated({
  'sr-Cyrl': {
    label: 'Услов: купио је',
    description: 'Купце који су купили производ, или из категорије или бренда, шаље граном „Да“, све остале граном „Не“.',
    branches: { yes: 'Да', no: 'Не' },
    fields: {
      what: { label: 'Купио је', options: { category: 'из категорије', brand: 'од бренда', product: 'производ' } },
      value: { label: 'Категорија, бренд или ИД производа', placeholder: 'нпр. Нега коже', help: 'Како их продавница назива; категорија обухвата и поткатегорије' },
      withinDays: { label: 'У последњих (дана)', help: '0: било када' },
    },
    messages: messages(['Унесите категорију, бренд или ИД производа', 'Највише 300 знакова', 'Унесите број дана', 'Унесите цео број дана', 'Најмање 0 дана', 'Највише 36500 дана']),
  },
  sl: {
    label: 'Pogoj: je kupil',
    description: 'Kupce, ki so kupili izdelek ali kaj iz kategorije ali znamke, pošlje po veji „Da“, vse druge po veji „Ne“.',
    branches: { yes: 'Da', no: 'Ne' },
    fields: {
      what: { label: 'Je kupil', options: { category: 'v kategoriji', brand: 'znamke', product: 'izdelek' } },
      value: { label: 'Kategorija, znamka ali ID izdelka', placeholder: 'npr. Nega kože', help: 'Kot jih imenuje trgovina; kategorija zajema tudi podkategorije' },
      withinDays: { label: 'V zadnjih (dni)', help: '0: kadar koli' },
    },
    messages: messages(['Vpišite kategorijo, znamko ali ID izdelka', 'Največ 300 znakov', 'Vpišite število dni', 'Vpišite celo število dni', 'Najmanj 0 dni', 'Največ 36500 dni']),
  },
  ru: {
    label: 'Условие: покупал',
    description: 'Покупатели, купившие товар или что-то из категории или бренда, идут по ветке «Да», все остальные — по ветке «Нет».',
    branches: { yes: 'Да', no: 'Нет' },
    fields: {
      what: { label: 'Покупал', options: { category: 'из категории', brand: 'бренда', product: 'товар' } },
      value: { label: 'Категория, бренд или ID товара', placeholder: 'например, Уход за кожей', help: 'Как их называет магазин; категория включает подкатегории' },
      withinDays: { label: 'За последние (дней)', help: '0: когда угодно' },
    },
    messages: messages(['Укажите категорию, бренд или ID товара', 'Не больше 300 символов', 'Введите число дней', 'Целое число дней', 'Не меньше 0 дней', 'Не больше 36500 дней']),
  },
});

const DAYS = {
  sr: { one: 'дан', few: 'дана', other: 'дана' },
  sl: { one: 'dnevu', two: 'dneh', few: 'dneh', other: 'dneh' },
  ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
};

export const summaries: Summaries<HasBoughtConfig> = {
  en: (c, say) => `Bought ${{ category: 'from category', brand: 'from brand', product: 'product' }[c.what]} “${say.quote(c.value)}”${c.withinDays ? ` in the last ${c.withinDays} day${c.withinDays === 1 ? '' : 's'}` : ''}?`,
  sr: (c, say) => `Купио ${{ category: 'из категорије', brand: 'од бренда', product: 'производ' }[c.what]} ${QUOTE.sr(say.quote(c.value))}${c.withinDays ? ` у последњих ${say.count(c.withinDays, DAYS.sr)}` : ''}?`,
  sl: (c, say) => `Je kupil ${{ category: 'v kategoriji', brand: 'znamke', product: 'izdelek' }[c.what]} ${QUOTE.sl(say.quote(c.value))}${c.withinDays ? ` v zadnjih ${say.count(c.withinDays, DAYS.sl)}` : ''}?`,
  ru: (c, say) => `Покупал ${{ category: 'из категории', brand: 'бренда', product: 'товар' }[c.what]} ${QUOTE.ru(say.quote(c.value))}${c.withinDays ? ` за последние ${say.count(c.withinDays, DAYS.ru)}` : ''}?`,
};
