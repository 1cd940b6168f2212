// Enters segment in the shops' languages.
import { translated, type Summaries } from '../../shared/translate';
import { SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';

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

export const summaries: Summaries<unknown> = {
  en: () => 'When the customer enters the segment',
  sr: () => 'Када купац уђе у сегмент',
  sl: () => 'Ko kupec vstopi v segment',
  ru: () => 'Когда покупатель попадает в сегмент',
};
