// Leaves segment in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE, refer, SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';

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

type Config = { segmentId: string };

export const summaries: Summaries<Config> = {
  en: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `When the customer leaves ${QUOTE.en(n)}`, deleted: 'When the customer leaves a deleted segment', unknown: 'When the customer leaves the segment',
  }),
  sr: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Када купац изађе из сегмента ${QUOTE.sr(n)}`, deleted: 'Када купац изађе из обрисаног сегмента', unknown: 'Када купац изађе из сегмента',
  }),
  sl: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Ko kupec izstopi iz segmenta ${QUOTE.sl(n)}`, deleted: 'Ko kupec izstopi iz izbrisanega segmenta', unknown: 'Ko kupec izstopi iz segmenta',
  }),
  ru: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Когда покупатель выходит из сегмента ${QUOTE.ru(n)}`, deleted: 'Когда покупатель выходит из удалённого сегмента', unknown: 'Когда покупатель выходит из сегмента',
  }),
};
