// Condition: in segment, in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { SEGMENT_FIELD, SEGMENT_MESSAGES } from '../../shared/words';

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

export const summaries: Summaries<unknown> = {
  en: () => 'Is the customer in the segment?',
  sr: () => 'Да ли је купац у сегменту?',
  sl: () => 'Ali je kupec v segmentu?',
  ru: () => 'Покупатель в сегменте?',
};
