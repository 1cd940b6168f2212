// Condition: property, in the shops' languages; the condition's own words are shared with the
// multi-way split (shared/condition/words.ts).
import type { Condition } from '../../shared/condition/schema';
import { CONDITION_WORDS, describeCondition } from '../../shared/condition/words';
import { translated, type Summaries } from '../../shared/translate';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Услов: податак',
    description: 'Шаље купца граном „Да“ када његов податак, податак догађаја или поруџбине испуњава услов, све остале граном „Не“.',
    branches: { yes: 'Да', no: 'Не' }, ...CONDITION_WORDS.sr,
  },
  sl: {
    label: 'Pogoj: podatek',
    description: 'Kupca pošlje po veji „Da“, ko njegov podatek, podatek dogodka ali naročila izpolnjuje pogoj, vse druge po veji „Ne“.',
    branches: { yes: 'Da', no: 'Ne' }, ...CONDITION_WORDS.sl,
  },
  ru: {
    label: 'Условие: значение',
    description: 'Покупатель идёт по ветке «Да», если его данные, данные события или заказа выполняют условие, все остальные — по ветке «Нет».',
    branches: { yes: 'Да', no: 'Нет' }, ...CONDITION_WORDS.ru,
  },
});

export const summaries: Summaries<Condition> = {
  en: (c, say) => describeCondition(c, 'en', say),
  sr: (c, say) => describeCondition(c, 'sr', say),
  sl: (c, say) => describeCondition(c, 'sl', say),
  ru: (c, say) => describeCondition(c, 'ru', say),
};
