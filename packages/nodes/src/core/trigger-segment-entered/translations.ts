// Enters segment in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE, refer, SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Улазак у сегмент',
    description: 'Покреће ток када купац почне да одговара сегменту, нпр. постане VIP.',
    branches: { out: THEN.sr }, fields: { segmentId: SEGMENT_FIELD.sr }, messages: SEGMENT_MESSAGES.sr,
  },
  sl: {
    label: 'Vstop v segment',
    description: 'Začne potek, ko kupec začne ustrezati segmentu, npr. postane VIP.',
    branches: { out: THEN.sl }, fields: { segmentId: SEGMENT_FIELD.sl }, messages: SEGMENT_MESSAGES.sl,
  },
  ru: {
    label: 'Вход в сегмент',
    description: 'Запускает сценарий, когда покупатель начинает соответствовать сегменту, например становится VIP.',
    branches: { out: THEN.ru }, fields: { segmentId: SEGMENT_FIELD.ru }, messages: SEGMENT_MESSAGES.ru,
  },
});

type Config = { segmentId: string };

export const summaries: Summaries<Config> = {
  en: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `When the customer enters ${QUOTE.en(n)}`, deleted: 'When the customer enters a deleted segment', unknown: 'When the customer enters the segment',
  }),
  sr: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Када купац уђе у сегмент ${QUOTE.sr(n)}`, deleted: 'Када купац уђе у обрисани сегмент', unknown: 'Када купац уђе у сегмент',
  }),
  sl: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Ko kupec vstopi v segment ${QUOTE.sl(n)}`, deleted: 'Ko kupec vstopi v izbrisan segment', unknown: 'Ko kupec vstopi v segment',
  }),
  ru: (c, say) => refer(say.name('segment', c.segmentId), {
    named: (n) => `Когда покупатель попадает в сегмент ${QUOTE.ru(n)}`, deleted: 'Когда покупатель попадает в удалённый сегмент', unknown: 'Когда покупатель попадает в сегмент',
  }),
};
