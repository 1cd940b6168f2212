// Recurring schedule in the shops' languages. The card's line names the schedule, then its
// next three days, weekdays and dates through Intl in the reader's locale (so no case of a
// weekday's name is needed: "Недељно: понедељак и четвртак").
import { translated, type Say, type Summaries } from '../../shared/translate';
import { QUOTE, refer, SEGMENT_FIELD, SEGMENT_MESSAGES, THEN } from '../../shared/words';
import type { ScheduleConfig } from './definition';
import { monthOptions, nextOccurrences, weekdaysOf } from './occurrences';

const months = (locale: string) => Object.fromEntries(monthOptions(locale).map((o) => [o.value, o.label]));

const MESSAGES = {
  sr: { 'Choose the segment to enrol': 'Изаберите сегмент који улази у ток', 'Use a whole number': 'Унесите цео број', 'Day is 1–31': 'Дан је од 1 до 31', 'Use a time such as 09:30': 'Унесите време, нпр. 09:30', 'Use a time zone such as Europe/Belgrade, or leave empty': 'Унесите временску зону, нпр. Europe/Belgrade, или оставите празно', 'Choose at least one day of the week': 'Изаберите бар један дан у недељи' },
  sl: { 'Choose the segment to enrol': 'Izberite segment, ki vstopi v potek', 'Use a whole number': 'Vpišite celo število', 'Day is 1–31': 'Dan je od 1 do 31', 'Use a time such as 09:30': 'Vpišite čas, npr. 09:30', 'Use a time zone such as Europe/Belgrade, or leave empty': 'Vpišite časovni pas, npr. Europe/Ljubljana, ali pustite prazno', 'Choose at least one day of the week': 'Izberite vsaj en dan v tednu' },
  ru: { 'Choose the segment to enrol': 'Выберите сегмент для запуска', 'Use a whole number': 'Введите целое число', 'Day is 1–31': 'День от 1 до 31', 'Use a time such as 09:30': 'Укажите время, например 09:30', 'Use a time zone such as Europe/Belgrade, or leave empty': 'Укажите часовой пояс, например Europe/Moscow, или оставьте пустым', 'Choose at least one day of the week': 'Выберите хотя бы один день недели' },
};

export const translations = translated({
  'sr-Cyrl': {
    label: 'Распоред који се понавља',
    description: 'Покреће ток за све у сегменту по распореду, нпр. недељна акција сваког понедељка у 10:00.',
    branches: { out: THEN.sr },
    fields: {
      segmentId: SEGMENT_FIELD.sr,
      every: { label: 'Понављање', options: { daily: 'сваког дана', weekly: 'сваке недеље', monthly: 'сваког месеца', yearly: 'сваке године (празник)' } },
      monday: { label: 'Понедељак' }, tuesday: { label: 'Уторак' }, wednesday: { label: 'Среда' }, thursday: { label: 'Четвртак' },
      friday: { label: 'Петак' }, saturday: { label: 'Субота' }, sunday: { label: 'Недеља' },
      month: { label: 'Месец', options: months('sr-Cyrl') },
      dayOfMonth: { label: 'Дан у месецу', help: 'Краћи месец користи свој последњи дан' },
      time: { label: 'У' },
      timeZone: { label: 'Временска зона', placeholder: 'Europe/Belgrade', help: 'Празно: временска зона сваког купца; или зона продавнице, за све истовремено' },
    },
    messages: { ...SEGMENT_MESSAGES.sr, ...MESSAGES.sr },
  },
  sl: {
    label: 'Ponavljajoči se urnik',
    description: 'Začne potek za vse v segmentu po urniku, npr. tedenska akcija vsak ponedeljek ob 10:00.',
    branches: { out: THEN.sl },
    fields: {
      segmentId: SEGMENT_FIELD.sl,
      every: { label: 'Ponavljanje', options: { daily: 'vsak dan', weekly: 'vsak teden', monthly: 'vsak mesec', yearly: 'vsako leto (praznik)' } },
      monday: { label: 'Ponedeljek' }, tuesday: { label: 'Torek' }, wednesday: { label: 'Sreda' }, thursday: { label: 'Četrtek' },
      friday: { label: 'Petek' }, saturday: { label: 'Sobota' }, sunday: { label: 'Nedelja' },
      month: { label: 'Mesec', options: months('sl') },
      dayOfMonth: { label: 'Dan v mesecu', help: 'Krajši mesec uporabi svoj zadnji dan' },
      time: { label: 'Ob' },
      timeZone: { label: 'Časovni pas', placeholder: 'Europe/Ljubljana', help: 'Prazno: časovni pas vsakega kupca; ali pas trgovine, za vse hkrati' },
    },
    messages: { ...SEGMENT_MESSAGES.sl, ...MESSAGES.sl },
  },
  ru: {
    label: 'Повторяющееся расписание',
    description: 'Запускает сценарий для всех в сегменте по расписанию, например еженедельная акция каждый понедельник в 10:00.',
    branches: { out: THEN.ru },
    fields: {
      segmentId: SEGMENT_FIELD.ru,
      every: { label: 'Повтор', options: { daily: 'каждый день', weekly: 'каждую неделю', monthly: 'каждый месяц', yearly: 'каждый год (праздник)' } },
      monday: { label: 'Понедельник' }, tuesday: { label: 'Вторник' }, wednesday: { label: 'Среда' }, thursday: { label: 'Четверг' },
      friday: { label: 'Пятница' }, saturday: { label: 'Суббота' }, sunday: { label: 'Воскресенье' },
      month: { label: 'Месяц', options: months('ru') },
      dayOfMonth: { label: 'День месяца', help: 'В более коротком месяце — его последний день' },
      time: { label: 'В' },
      timeZone: { label: 'Часовой пояс', placeholder: 'Europe/Moscow', help: 'Пусто: часовой пояс каждого покупателя; или пояс магазина, для всех одновременно' },
    },
    messages: { ...SEGMENT_MESSAGES.ru, ...MESSAGES.ru },
  },
});

interface Words {
  daily: string; weekly: string; monthly: (day: string) => string; yearly: (date: string) => string; at: string; local: string; next: string;
  /** Who enters, before the schedule; nothing while the reader's names are not known. */
  segment: (name: string) => string; deleted: string;
}

const WORDS: Record<'en' | 'sr' | 'sl' | 'ru', Words> = {
  en: { daily: 'Daily', weekly: 'Weekly on', monthly: (d) => `Monthly on day ${d}`, yearly: (d) => `Yearly on ${d}`, at: 'at', local: 'local', next: 'next', segment: (n) => `Segment ${QUOTE.en(n)}`, deleted: 'A deleted segment' },
  sr: { daily: 'Сваког дана', weekly: 'Недељно:', monthly: (d) => `Месечно, ${d}. у месецу,`, yearly: (d) => `Сваке године, ${d},`, at: 'у', local: 'по времену купца', next: 'следеће', segment: (n) => `Сегмент ${QUOTE.sr(n)}`, deleted: 'Обрисани сегмент' },
  sl: { daily: 'Vsak dan', weekly: 'Tedensko:', monthly: (d) => `Mesečno, ${d}. v mesecu,`, yearly: (d) => `Vsako leto, ${d},`, at: 'ob', local: 'po kupčevem času', next: 'naslednji', segment: (n) => `Segment ${QUOTE.sl(n)}`, deleted: 'Izbrisan segment' },
  ru: { daily: 'Каждый день', weekly: 'Еженедельно:', monthly: (d) => `Ежемесячно, ${d}-го числа,`, yearly: (d) => `Ежегодно, ${d},`, at: 'в', local: 'по времени покупателя', next: 'ближайшие', segment: (n) => `Сегмент ${QUOTE.ru(n)}`, deleted: 'Удалённый сегмент' },
};

/** The schedule's line at `from` (the card passes the present). */
function scheduleLine(c: ScheduleConfig, say: Say, w: Words, from: Date): string {
  const weekday = new Intl.DateTimeFormat(say.locale, { weekday: 'long', timeZone: 'UTC' });
  const dates = new Intl.DateTimeFormat(say.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const days = new Intl.ListFormat(say.locale, { type: 'conjunction' })
    .format(weekdaysOf(c).map((d) => weekday.format(new Date(Date.UTC(2026, 10, 1 + d))))); // 1 Nov 2026 is a Sunday
  // 2028 has a 29 February; a day past the month's end is its last, as in the engine.
  const holiday = new Intl.DateTimeFormat(say.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(Date.UTC(2028, Number(c.month) - 1, Math.min(c.dayOfMonth, new Date(Date.UTC(2028, Number(c.month), 0)).getUTCDate())));
  const when = { daily: w.daily, weekly: `${w.weekly} ${days}`, monthly: w.monthly(say.number(c.dayOfMonth)), yearly: w.yearly(holiday) }[c.every];
  const zone = c.timeZone ? `(${say.quote(c.timeZone)})` : w.local;
  const next = nextOccurrences(c, from, 3).map((d) => dates.format(d)).join(', ');
  const who = refer(say.name('segment', c.segmentId), { named: w.segment, deleted: w.deleted, unknown: '' });
  return `${who ? `${who} · ` : ''}${when} ${w.at} ${c.time} ${zone} · ${w.next}: ${next}`;
}

const line = (language: keyof typeof WORDS) => (c: ScheduleConfig, say: Say) => scheduleLine(c, say, WORDS[language], new Date());

export const summaries: Summaries<ScheduleConfig> = { en: line('en'), sr: line('sr'), sl: line('sl'), ru: line('ru') };
