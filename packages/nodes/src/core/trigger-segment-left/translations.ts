// Leaves segment in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Излазак из сегмента',
    description: 'Покреће ток када купац престане да одговара сегменту, нпр. није поручивао 90 дана.',
    branches: { out: THEN.sr }, fields: { segmentId: SEGMENT_FIELD.sr }, messages: SEGMENT_MESSAGES.sr,
  },
  sl: {
    label: 'Izstop iz segmenta',
    description: 'Začne potek, ko kupec ne ustreza več segmentu, npr. 90 dni ni naročil.',
    branches: { out: THEN.sl }, fields: { segmentId: SEGMENT_FIELD.sl }, messages: SEGMENT_MESSAGES.sl,
  },
  ru: {
    label: 'Выход из сегмента',
    description: 'Запускает сценарий, когда покупатель перестаёт соответствовать сегменту, например не делал заказов 90 дней.',
    branches: { out: THEN.ru }, fields: { segmentId: SEGMENT_FIELD.ru }, messages: SEGMENT_MESSAGES.ru,
  },
});

export const summaries: Summaries<unknown> = {
  en: () => 'When the customer leaves the segment',
  sr: () => 'Када купац изађе из сегмента',
  sl: () => 'Ko kupec izstopi iz segmenta',
  ru: () => 'Когда покупатель выходит из сегмента',
};
