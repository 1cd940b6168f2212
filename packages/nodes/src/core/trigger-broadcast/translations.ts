// Broadcast to segment in the shops' languages: its texts, messages and the card's line (the
// start shown in UTC, as the English line does, in the reader's date format).
import { translated, type Say, type Summaries } from '../../shared/translate';
import { QUOTE, refer, SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';
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

/** Who is sent to: the segment by name, a deleted one, or (names unknown) "the segment". */
const everyone = (c: BroadcastConfig, say: Say, words: Parameters<typeof refer>[1]) => refer(say.name('segment', c.segmentId), words);

export const summaries: Summaries<BroadcastConfig> = {
  en: (c, say) => `${everyone(c, say, { named: (n) => `Everyone in ${QUOTE.en(n)}`, deleted: 'Everyone in a deleted segment', unknown: 'Everyone in the segment' })}, `
    + (c.startAt ? `from ${new Date(c.startAt).toUTCString().slice(0, 22)}` : 'on publish'),
  sr: (c, say) => `${everyone(c, say, { named: (n) => `Сви у сегменту ${QUOTE.sr(n)}`, deleted: 'Сви у обрисаном сегменту', unknown: 'Сви у сегменту' })}, `
    + (c.startAt ? `од ${utc(say.locale, c.startAt)}` : 'чим се ток објави'),
  sl: (c, say) => `${everyone(c, say, { named: (n) => `Vsi v segmentu ${QUOTE.sl(n)}`, deleted: 'Vsi v izbrisanem segmentu', unknown: 'Vsi v segmentu' })}, `
    + (c.startAt ? `od ${utc(say.locale, c.startAt)}` : 'ob objavi'),
  ru: (c, say) => `${everyone(c, say, { named: (n) => `Все в сегменте ${QUOTE.ru(n)}`, deleted: 'Все в удалённом сегменте', unknown: 'Все в сегменте' })}, `
    + (c.startAt ? `с ${utc(say.locale, c.startAt)}` : 'сразу после публикации'),
};
