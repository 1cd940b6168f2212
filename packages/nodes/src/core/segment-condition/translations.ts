// Condition: in segment, in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE, refer, SEGMENT_FIELD, SEGMENT_MESSAGES } from '../../shared/words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Услов: у сегменту',
    description: 'Купце из сегмента шаље граном „Да“, све остале граном „Не“.',
    branches: { yes: 'Да', no: 'Не' }, fields: { segmentId: SEGMENT_FIELD.sr }, messages: SEGMENT_MESSAGES.sr,
  },
  sl: {
    label: 'Pogoj: v segmentu',
    description: 'Kupce v segmentu pošlje po veji „Da“, vse druge po veji „Ne“.',
    branches: { yes: 'Da', no: 'Ne' }, fields: { segmentId: SEGMENT_FIELD.sl }, messages: SEGMENT_MESSAGES.sl,
  },
  ru: {
    label: 'Условие: в сегменте',
    description: 'Покупатели из сегмента идут по ветке «Да», все остальные — по ветке «Нет».',
    branches: { yes: 'Да', no: 'Нет' }, fields: { segmentId: SEGMENT_FIELD.ru }, messages: SEGMENT_MESSAGES.ru,
  },
});

type Config = { segmentId: string };

export const summaries: Summaries<Config> = {
  en: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Is the customer in ${QUOTE.en(n)}?`, deleted: 'Checks a deleted segment: choose another', unknown: 'Is the customer in the segment?',
  }),
  sr: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Да ли је купац у сегменту ${QUOTE.sr(n)}?`, deleted: 'Проверава обрисани сегмент: изаберите други', unknown: 'Да ли је купац у сегменту?',
  }),
  sl: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Ali je kupec v segmentu ${QUOTE.sl(n)}?`, deleted: 'Preverja izbrisan segment: izberite drugega', unknown: 'Ali je kupec v segmentu?',
  }),
  ru: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Покупатель в сегменте ${QUOTE.ru(n)}?`, deleted: 'Проверяет удалённый сегмент: выберите другой', unknown: 'Покупатель в сегменте?',
  }),
};
