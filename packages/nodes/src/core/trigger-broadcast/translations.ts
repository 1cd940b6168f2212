// Broadcast to segment in the shops' languages: its texts, messages and the card's line (the
// start shown in UTC, as the English line does, in the reader's date format).
import { translated, type Summaries } from '../../shared/translate';
import { SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';
import type { BroadcastConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Слање сегменту',
    description: 'Покреће ток једном за све у сегменту, нпр. недељна акција или позив на претпородају.',
    branches: { out: THEN.sr },
    fields: {
      segmentId: SEGMENT_FIELD.sr,
      startAt: { label: 'Почетак', help: 'Празно: чим се ток објави' },
    },
    messages: {
      ...SEGMENT_MESSAGES.sr,
      'Choose the segment to send to': 'Изаберите сегмент коме шаљете',
      'Use a date and time such as 2026-12-01T09:00Z, or leave empty': 'Унесите датум и време, нпр. 2026-12-01T09:00Z, или оставите празно',
    },
  },
  sl: {
    label: 'Pošiljanje segmentu',
    description: 'Začne potek enkrat za vse v segmentu, npr. tedenska akcija ali vabilo na prednaročilo.',
    branches: { out: THEN.sl },
    fields: {
      segmentId: SEGMENT_FIELD.sl,
      startAt: { label: 'Začetek', help: 'Prazno: takoj, ko je potek objavljen' },
    },
    messages: {
      ...SEGMENT_MESSAGES.sl,
      'Choose the segment to send to': 'Izberite segment, ki mu pošiljate',
      'Use a date and time such as 2026-12-01T09:00Z, or leave empty': 'Vpišite datum in čas, npr. 2026-12-01T09:00Z, ali pustite prazno',
    },
  },
  ru: {
    label: 'Рассылка по сегменту',
    description: 'Запускает сценарий один раз для всех в сегменте, например еженедельная акция или приглашение на предзаказ.',
    branches: { out: THEN.ru },
    fields: {
      segmentId: SEGMENT_FIELD.ru,
      startAt: { label: 'Начало', help: 'Пусто: сразу после публикации сценария' },
    },
    messages: {
      ...SEGMENT_MESSAGES.ru,
      'Choose the segment to send to': 'Выберите сегмент для рассылки',
      'Use a date and time such as 2026-12-01T09:00Z, or leave empty': 'Укажите дату и время, например 2026-12-01T09:00Z, или оставьте пустым',
    },
  },
});

const utc = (locale: string, iso: string) =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;

export const summaries: Summaries<BroadcastConfig> = {
  en: (c) => (c.startAt ? `Everyone in the segment, from ${new Date(c.startAt).toUTCString().slice(0, 22)}` : 'Everyone in the segment, on publish'),
  sr: (c, say) => (c.startAt ? `Сви у сегменту, од ${utc(say.locale, c.startAt)}` : 'Сви у сегменту, чим се ток објави'),
  sl: (c, say) => (c.startAt ? `Vsi v segmentu, od ${utc(say.locale, c.startAt)}` : 'Vsi v segmentu, ob objavi'),
  ru: (c, say) => (c.startAt ? `Все в сегменте, с ${utc(say.locale, c.startAt)}` : 'Все в сегменте, сразу после публикации'),
};
