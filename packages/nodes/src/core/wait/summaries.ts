// The Wait card's line in each language: "Wait 3 days", "Наставља 3 дана пре рођендана, у 09:00
// по времену купца", "Ждать случайно 7–15 дней после события запуска". Each language puts the
// date's source in the case its preposition takes (Slovenian pred/po/do take three).
import type { Say, Summaries } from '../../shared/translate';
import { DURATION } from '../../shared/words';
import type { WaitConfig } from './definition';

/** Weekdays from Sunday in the genitive: "until Wednesday" in each language. */
const UNTIL_DAY = {
  sr: ['недеље', 'понедељка', 'уторка', 'среде', 'четвртка', 'петка', 'суботе'],
  sl: ['nedelje', 'ponedeljka', 'torka', 'srede', 'četrtka', 'petka', 'sobote'],
  ru: ['воскресенья', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы'],
};
export const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The card's date and time as written, in the reader's locale; its zone named only for an exact moment. */
function written(c: WaitConfig, say: Say, zones: { customer: string; empty: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(c.at);
  if (!m) return zones.empty;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const text = new Intl.DateTimeFormat(say.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(wall);
  const offset = c.at.slice(19).replace(/^\.\d+/, '');
  return `${text} ${c.atZone === 'exact' ? `(UTC${/^z$/i.test(offset) ? '' : offset})` : zones.customer}`;
}

type Source = (c: WaitConfig, say: Say) => string;
const yearly = (c: WaitConfig) => c.yearly && (c.from === 'attribute' || c.from === 'event');

const en: Source = (c, say) => {
  const named = c.from === 'event' ? `the event’s “${say.quote(c.field)}”` : `“${say.quote(c.field)}”`;
  const base = { step: 'reaching this step', trigger: 'the trigger event', birthday: 'the birthday', attribute: named, event: named }[c.from];
  return yearly(c) ? `the next anniversary of ${base}` : base;
};
/** Serbian and Russian: the source in the genitive (пре/после/до, за/после/до). */
const genitive = (words: { step: string; trigger: string; birthday: string; date: string; from: string; anniversary: string }, quote: (t: string) => string): Source =>
  (c, say) => {
    const date = `${words.date} ${quote(say.quote(c.field))}${c.from === 'event' ? ` ${words.from}` : ''}`;
    const base = { step: words.step, trigger: words.trigger, birthday: words.birthday, attribute: date, event: date }[c.from];
    return yearly(c) ? `${words.anniversary} ${base}` : base;
  };
const sr = genitive({ step: 'доласка на овај корак', trigger: 'покретачког догађаја', birthday: 'рођендана', date: 'датума', from: 'из покретачког догађаја', anniversary: 'годишњице' }, (t) => `„${t}“`);
const ru = genitive({ step: 'перехода на этот шаг', trigger: 'события запуска', birthday: 'дня рождения', date: 'даты', from: 'из события запуска', anniversary: 'годовщины' }, (t) => `«${t}»`);
/** Slovenian: do + genitive, pred + instrumental, po + locative. */
const SL_CASES = {
  do: { step: 'prihoda na ta korak', trigger: 'sprožilnega dogodka', birthday: 'rojstnega dne', date: 'datuma', anniversary: 'obletnice' },
  pred: { step: 'prihodom na ta korak', trigger: 'sprožilnim dogodkom', birthday: 'rojstnim dnem', date: 'datumom', anniversary: 'obletnico' },
  po: { step: 'prihodu na ta korak', trigger: 'sprožilnem dogodku', birthday: 'rojstnem dnevu', date: 'datumu', anniversary: 'obletnici' },
};
const sl = (which: keyof typeof SL_CASES): Source => (c, say) => {
  const w = SL_CASES[which];
  const named = (word: string) => `${word} „${say.quote(c.field)}“${c.from === 'event' ? ' iz sprožilnega dogodka' : ''}`;
  if (yearly(c)) return `${w.anniversary} ${named(SL_CASES.do.date)}`;
  return { step: w.step, trigger: w.trigger, birthday: w.birthday, attribute: named(w.date), event: named(w.date) }[c.from];
};

const at = (c: WaitConfig, words: string) => (c.atHour < 0 ? '' : `, ${words.replace('#', clock(c.atHour))}`);
const span = (c: WaitConfig, say: Say, forms: Parameters<Say['count']>[1]) => `${say.number(c.minDays)}–${say.count(c.maxDays, forms)}`;
const offsetOf = (c: WaitConfig, say: Say, language: 'sr' | 'sl' | 'ru') => say.count(c.offset, DURATION[language][c.offsetUnit]);

export const summaries: Summaries<WaitConfig> = {
  en: (c, say) => {
    if (c.mode === 'duration') return `Wait ${c.amount} ${c.amount === 1 ? c.unit.replace(/s$/, '') : c.unit}`;
    if (c.mode === 'until') return `Wait until ${c.weekday < 0 ? 'the next' : ENGLISH_DAYS[c.weekday]} ${clock(c.hour)} local`;
    if (c.mode === 'date') return `Wait until ${written(c, say, { customer: 'customer’s time', empty: 'a date (choose one)' })}`;
    const time = at(c, 'at # local');
    if (c.mode === 'window') return `Wait a random ${say.number(c.minDays)}–${say.number(c.maxDays)} days after ${en(c, say)}${time}`;
    if (c.offset === 0) return `Wait until ${en(c, say)}${time}`;
    const unit = c.offset === 1 ? c.offsetUnit.replace(/s$/, '') : c.offsetUnit;
    return `Wait until ${say.number(c.offset)} ${unit} ${c.direction} ${en(c, say)}${time}`;
  },
  sr: (c, say) => {
    if (c.mode === 'duration') return `Сачекај ${say.count(c.amount, DURATION.sr[c.unit])}`;
    if (c.mode === 'until') return `Сачекај до ${c.weekday < 0 ? '' : `${UNTIL_DAY.sr[c.weekday]} у `}${clock(c.hour)} по времену купца`;
    if (c.mode === 'date') return `Сачекај до ${written(c, say, { customer: 'по времену купца', empty: 'датума (изаберите га)' })}`;
    const time = at(c, 'у # по времену купца');
    if (c.mode === 'window') return `Наставља насумично ${span(c, say, DURATION.sr.days)} после ${sr(c, say)}${time}`;
    if (c.offset === 0) return `Сачекај до ${sr(c, say)}${time}`;
    return `Наставља ${offsetOf(c, say, 'sr')} ${c.direction === 'before' ? 'пре' : 'после'} ${sr(c, say)}${time}`;
  },
  sl: (c, say) => {
    if (c.mode === 'duration') return `Počakaj ${say.count(c.amount, DURATION.sl[c.unit])}`;
    if (c.mode === 'until') return `Počakaj do ${c.weekday < 0 ? '' : `${UNTIL_DAY.sl[c.weekday]} ob `}${clock(c.hour)} po kupčevem času`;
    if (c.mode === 'date') return `Počakaj do ${written(c, say, { customer: 'po kupčevem času', empty: 'datuma (izberite ga)' })}`;
    const time = at(c, 'ob # po kupčevem času');
    if (c.mode === 'window') return `Nadaljuje naključno ${span(c, say, { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' })} po ${sl('po')(c, say)}${time}`;
    if (c.offset === 0) return `Počakaj do ${sl('do')(c, say)}${time}`;
    return `Nadaljuje ${offsetOf(c, say, 'sl')} ${c.direction === 'before' ? `pred ${sl('pred')(c, say)}` : `po ${sl('po')(c, say)}`}${time}`;
  },
  ru: (c, say) => {
    if (c.mode === 'duration') return `Ждать ${say.count(c.amount, DURATION.ru[c.unit])}`;
    if (c.mode === 'until') return `Ждать до ${c.weekday < 0 ? '' : `${UNTIL_DAY.ru[c.weekday]}, `}${clock(c.hour)} по времени покупателя`;
    if (c.mode === 'date') return `Ждать до ${written(c, say, { customer: 'по времени покупателя', empty: 'даты (выберите её)' })}`;
    const time = at(c, 'в # по времени покупателя');
    if (c.mode === 'window') return `Продолжить в случайный момент через ${span(c, say, DURATION.ru.days)} после ${ru(c, say)}${time}`;
    if (c.offset === 0) return `Ждать до ${ru(c, say)}${time}`;
    return c.direction === 'before' ? `Продолжить за ${offsetOf(c, say, 'ru')} до ${ru(c, say)}${time}` : `Продолжить через ${offsetOf(c, say, 'ru')} после ${ru(c, say)}${time}`;
  },
};
