// Wait in the shops' languages: its texts, messages and the card's line ("Сачекај 3 дана",
// "Ждать 5 дней", "Počakaj 2 dneva"; a weekday in the case "until" takes).
import { translated, type Summaries } from '../../shared/translate';
import { DURATION, THEN, UNIT_OPTIONS } from '../../shared/words';
import type { WaitConfig } from './definition';

const weekdayOptions = (names: string[], next: string) => Object.fromEntries([['-1', next], ...names.map((n, i) => [String(i), n])]);

export const translations = translated({
  'sr-Cyrl': {
    label: 'Сачекај',
    description: 'Задржава купца неко време, или до дана у недељи и сата у његовој временској зони.',
    branches: { out: THEN.sr },
    fields: {
      mode: { label: 'Чекање', options: { duration: 'одређено време', until: 'до дана и сата (временска зона купца)' } },
      amount: { label: 'Колико' },
      unit: { label: 'Јединица', options: UNIT_OPTIONS.sr },
      weekday: { label: 'Дан', options: weekdayOptions(['следећа недеља', 'следећи понедељак', 'следећи уторак', 'следећа среда', 'следећи четвртак', 'следећи петак', 'следећа субота'], 'први следећи пут у тај сат') },
      hour: { label: 'У сат', help: '0–23, у временској зони купца' },
    },
    messages: { 'Use a whole number': 'Унесите цео број', 'Wait at least 1': 'Најмање 1', 'At most 3650': 'Највише 3650', 'Use a whole hour': 'Унесите цео сат', 'Hour is 0–23': 'Сат је од 0 до 23' },
  },
  sl: {
    label: 'Počakaj',
    description: 'Zadrži kupca za nekaj časa ali do dneva v tednu in ure v njegovem časovnem pasu.',
    branches: { out: THEN.sl },
    fields: {
      mode: { label: 'Čakanje', options: { duration: 'določen čas', until: 'do dneva in ure (kupčev časovni pas)' } },
      amount: { label: 'Koliko' },
      unit: { label: 'Enota', options: UNIT_OPTIONS.sl },
      weekday: { label: 'Dan', options: weekdayOptions(['naslednja nedelja', 'naslednji ponedeljek', 'naslednji torek', 'naslednja sreda', 'naslednji četrtek', 'naslednji petek', 'naslednja sobota'], 'naslednjič ob tej uri') },
      hour: { label: 'Ob uri', help: '0–23, v kupčevem časovnem pasu' },
    },
    messages: { 'Use a whole number': 'Vpišite celo število', 'Wait at least 1': 'Najmanj 1', 'At most 3650': 'Največ 3650', 'Use a whole hour': 'Vpišite celo uro', 'Hour is 0–23': 'Ura je od 0 do 23' },
  },
  ru: {
    label: 'Ожидание',
    description: 'Задерживает покупателя на время или до дня недели и часа в его часовом поясе.',
    branches: { out: THEN.ru },
    fields: {
      mode: { label: 'Ждать', options: { duration: 'заданное время', until: 'до дня и часа (часовой пояс покупателя)' } },
      amount: { label: 'Сколько' },
      unit: { label: 'Единица', options: UNIT_OPTIONS.ru },
      weekday: { label: 'День', options: weekdayOptions(['ближайшее воскресенье', 'ближайший понедельник', 'ближайший вторник', 'ближайшая среда', 'ближайший четверг', 'ближайшая пятница', 'ближайшая суббота'], 'ближайший такой час') },
      hour: { label: 'В час', help: '0–23, в часовом поясе покупателя' },
    },
    messages: { 'Use a whole number': 'Введите целое число', 'Wait at least 1': 'Не меньше 1', 'At most 3650': 'Не больше 3650', 'Use a whole hour': 'Введите целый час', 'Hour is 0–23': 'Час от 0 до 23' },
  },
});

/** Weekdays from Sunday in the genitive: "until Wednesday" in each language. */
const UNTIL_DAY = {
  sr: ['недеље', 'понедељка', 'уторка', 'среде', 'четвртка', 'петка', 'суботе'],
  sl: ['nedelje', 'ponedeljka', 'torka', 'srede', 'četrtka', 'petka', 'sobote'],
  ru: ['воскресенья', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы'],
};
export const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export const summaries: Summaries<WaitConfig> = {
  en: (c) =>
    c.mode === 'duration'
      ? `Wait ${c.amount} ${c.amount === 1 ? c.unit.replace(/s$/, '') : c.unit}`
      : `Wait until ${c.weekday < 0 ? 'the next' : ENGLISH_DAYS[c.weekday]} ${clock(c.hour)} local`,
  sr: (c, say) =>
    c.mode === 'duration' ? `Сачекај ${say.count(c.amount, DURATION.sr[c.unit])}`
      : `Сачекај до ${c.weekday < 0 ? '' : `${UNTIL_DAY.sr[c.weekday]} у `}${clock(c.hour)} по времену купца`,
  sl: (c, say) =>
    c.mode === 'duration' ? `Počakaj ${say.count(c.amount, DURATION.sl[c.unit])}`
      : `Počakaj do ${c.weekday < 0 ? '' : `${UNTIL_DAY.sl[c.weekday]} ob `}${clock(c.hour)} po kupčevem času`,
  ru: (c, say) =>
    c.mode === 'duration' ? `Ждать ${say.count(c.amount, DURATION.ru[c.unit])}`
      : `Ждать до ${c.weekday < 0 ? '' : `${UNTIL_DAY.ru[c.weekday]}, `}${clock(c.hour)} по времени покупателя`,
};
