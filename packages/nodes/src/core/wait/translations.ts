// Wait in the shops' languages: its texts and messages. The card's line is in summaries.ts.
import { translated } from '../../shared/translate';
import { THEN, UNIT_OPTIONS } from '../../shared/words';

const weekdayOptions = (names: string[], next: string) => Object.fromEntries([['-1', next], ...names.map((n, i) => [String(i), n])]);
/** "The date's own time", then 00:00–23:00 as every language writes a clock. */
const clockOptions = (own: string) => Object.fromEntries([['-1', own], ...Array.from({ length: 24 }, (_, h) => [String(h), `${String(h).padStart(2, '0')}:00`])]);
const DATE_EXAMPLE = 'A date and time, e.g. 2026-12-24T09:00:00+01:00';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Сачекај',
    description: 'Задржава купца неко време, до дана у недељи и сата, до датума, до датума из његових података или до насумичног дана у распону.',
    branches: { out: THEN.sr, missing: 'Нема датума' },
    counters: { missing: 'Без датума', past: 'Датум је прошао' },
    fields: {
      mode: { label: 'Чекање', options: {
        duration: 'одређено време', until: 'до дана и сата (временска зона купца)', date: 'до датума и времена',
        relative: 'до датума из података купца, пре или после њега', window: 'до насумичног тренутка у распону дана',
      } },
      amount: { label: 'Колико' },
      unit: { label: 'Јединица', options: UNIT_OPTIONS.sr },
      weekday: { label: 'Дан', options: weekdayOptions(['следећа недеља', 'следећи понедељак', 'следећи уторак', 'следећа среда', 'следећи четвртак', 'следећи петак', 'следећа субота'], 'први следећи пут у тај сат') },
      hour: { label: 'У сат', help: '0–23, у временској зони купца' },
      at: { label: 'Датум и време' },
      atZone: { label: 'Чији сат', options: { customer: 'овај датум и време у временској зони сваког купца', exact: 'баш овај тренутак за све' } },
      from: { label: 'Рачуна се од', options: {
        step: 'доласка купца на овај корак', trigger: 'догађаја који је покренуо ток', birthday: 'рођендана купца',
        attribute: 'датума у атрибуту купца', event: 'датума у догађају који је покренуо ток',
      } },
      field: { label: 'Атрибут или својство', placeholder: 'renewal_date', help: 'Назив како га шаље продавница; датум (2026-05-14) или датум и време (2026-05-14T10:00:00Z)' },
      yearly: { label: 'Сваке године', help: 'Следећа годишњица, као рођендан (29. фебруар је других година 28. фебруар)' },
      direction: { label: 'Пре или после', options: { after: 'после датума', before: 'пре датума' } },
      offset: { label: 'За' },
      offsetUnit: { label: 'Јединица', options: { days: 'дана', hours: 'сати' } },
      minDays: { label: 'Од (дана после)' },
      maxDays: { label: 'До (дана после)' },
      atHour: { label: 'У', help: 'У временској зони купца', options: clockOptions('време самог датума (у распону било када)') },
      ifMissing: { label: 'Без тог датума', options: { continue: 'настави одмах', branch: 'иди граном „Нема датума“' } },
    },
    messages: {
      'Use a whole number': 'Унесите цео број', 'Wait at least 1': 'Најмање 1', 'At most 3650': 'Највише 3650', 'Use a whole hour': 'Унесите цео сат', 'Hour is 0–23': 'Сат је од 0 до 23',
      [DATE_EXAMPLE]: 'Датум и време, нпр. 2026-12-24T09:00:00+01:00', 'At most 200 characters': 'Највише 200 знакова', 'At least 0': 'Најмање 0',
      'Choose a date and time': 'Изаберите датум и време', 'Name the attribute or property': 'Унесите назив атрибута или својства', 'At least the first day': 'Не мање од првог дана',
    },
  },
  sl: {
    label: 'Počakaj',
    description: 'Zadrži kupca za nekaj časa, do dneva v tednu in ure, do datuma, do datuma iz njegovih podatkov ali do naključnega dne v razponu.',
    branches: { out: THEN.sl, missing: 'Ni datuma' },
    counters: { missing: 'Brez datuma', past: 'Datum je minil' },
    fields: {
      mode: { label: 'Čakanje', options: {
        duration: 'določen čas', until: 'do dneva in ure (kupčev časovni pas)', date: 'do datuma in ure',
        relative: 'do datuma iz kupčevih podatkov, pred njim ali po njem', window: 'do naključnega trenutka v razponu dni',
      } },
      amount: { label: 'Koliko' },
      unit: { label: 'Enota', options: UNIT_OPTIONS.sl },
      weekday: { label: 'Dan', options: weekdayOptions(['naslednja nedelja', 'naslednji ponedeljek', 'naslednji torek', 'naslednja sreda', 'naslednji četrtek', 'naslednji petek', 'naslednja sobota'], 'naslednjič ob tej uri') },
      hour: { label: 'Ob uri', help: '0–23, v kupčevem časovnem pasu' },
      at: { label: 'Datum in ura' },
      atZone: { label: 'Po čigavi uri', options: { customer: 'ta datum in ura v časovnem pasu vsakega kupca', exact: 'točno ta trenutek za vse' } },
      from: { label: 'Šteto od', options: {
        step: 'prihoda kupca na ta korak', trigger: 'dogodka, ki je začel potek', birthday: 'kupčevega rojstnega dne',
        attribute: 'datuma v kupčevem atributu', event: 'datuma v dogodku, ki je začel potek',
      } },
      field: { label: 'Atribut ali lastnost', placeholder: 'renewal_date', help: 'Ime, kot ga pošilja trgovina; datum (2026-05-14) ali datum in ura (2026-05-14T10:00:00Z)' },
      yearly: { label: 'Vsako leto', help: 'Naslednja obletnica, kot rojstni dan (29. februar je v drugih letih 28. februar)' },
      direction: { label: 'Pred ali po', options: { after: 'po datumu', before: 'pred datumom' } },
      offset: { label: 'Za' },
      offsetUnit: { label: 'Enota', options: { days: 'dni', hours: 'ur' } },
      minDays: { label: 'Od (dni po)' },
      maxDays: { label: 'Do (dni po)' },
      atHour: { label: 'Ob', help: 'V kupčevem časovnem pasu', options: clockOptions('ura samega datuma (v razponu kadar koli)') },
      ifMissing: { label: 'Brez tega datuma', options: { continue: 'nadaljuj takoj', branch: 'pojdi po veji „Ni datuma“' } },
    },
    messages: {
      'Use a whole number': 'Vpišite celo število', 'Wait at least 1': 'Najmanj 1', 'At most 3650': 'Največ 3650', 'Use a whole hour': 'Vpišite celo uro', 'Hour is 0–23': 'Ura je od 0 do 23',
      [DATE_EXAMPLE]: 'Datum in čas, npr. 2026-12-24T09:00:00+01:00', 'At most 200 characters': 'Največ 200 znakov', 'At least 0': 'Najmanj 0',
      'Choose a date and time': 'Izberite datum in uro', 'Name the attribute or property': 'Vpišite ime atributa ali lastnosti', 'At least the first day': 'Ne manj od prvega dne',
    },
  },
  ru: {
    label: 'Ожидание',
    description: 'Задерживает покупателя на время, до дня недели и часа, до даты, до даты из его данных или до случайного дня в диапазоне.',
    branches: { out: THEN.ru, missing: 'Нет даты' },
    counters: { missing: 'Без даты', past: 'Дата прошла' },
    fields: {
      mode: { label: 'Ждать', options: {
        duration: 'заданное время', until: 'до дня и часа (часовой пояс покупателя)', date: 'до даты и времени',
        relative: 'до даты из данных покупателя, до неё или после', window: 'до случайного момента в диапазоне дней',
      } },
      amount: { label: 'Сколько' },
      unit: { label: 'Единица', options: UNIT_OPTIONS.ru },
      weekday: { label: 'День', options: weekdayOptions(['ближайшее воскресенье', 'ближайший понедельник', 'ближайший вторник', 'ближайшая среда', 'ближайший четверг', 'ближайшая пятница', 'ближайшая суббота'], 'ближайший такой час') },
      hour: { label: 'В час', help: '0–23, в часовом поясе покупателя' },
      at: { label: 'Дата и время' },
      atZone: { label: 'По чьим часам', options: { customer: 'эти дата и время в часовом поясе каждого покупателя', exact: 'именно этот момент для всех' } },
      from: { label: 'Отсчёт от', options: {
        step: 'перехода покупателя на этот шаг', trigger: 'события, запустившего сценарий', birthday: 'дня рождения покупателя',
        attribute: 'даты в атрибуте покупателя', event: 'даты в событии, запустившем сценарий',
      } },
      field: { label: 'Атрибут или свойство', placeholder: 'renewal_date', help: 'Название, как его передаёт магазин; дата (2026-05-14) или дата и время (2026-05-14T10:00:00Z)' },
      yearly: { label: 'Каждый год', help: 'Ближайшая годовщина, как день рождения (29 февраля в невисокосные годы — 28 февраля)' },
      direction: { label: 'До или после', options: { after: 'после даты', before: 'до даты' } },
      offset: { label: 'На' },
      offsetUnit: { label: 'Единица', options: { days: 'дней', hours: 'часов' } },
      minDays: { label: 'От (дней после)' },
      maxDays: { label: 'До (дней после)' },
      atHour: { label: 'В', help: 'В часовом поясе покупателя', options: clockOptions('время самой даты (в диапазоне — любое)') },
      ifMissing: { label: 'Если даты нет', options: { continue: 'продолжить сразу', branch: 'перейти по ветке «Нет даты»' } },
    },
    messages: {
      'Use a whole number': 'Введите целое число', 'Wait at least 1': 'Не меньше 1', 'At most 3650': 'Не больше 3650', 'Use a whole hour': 'Введите целый час', 'Hour is 0–23': 'Час от 0 до 23',
      [DATE_EXAMPLE]: 'Дата и время, напр. 2026-12-24T09:00:00+01:00', 'At most 200 characters': 'Не больше 200 символов', 'At least 0': 'Не меньше 0',
      'Choose a date and time': 'Выберите дату и время', 'Name the attribute or property': 'Укажите название атрибута или свойства', 'At least the first day': 'Не меньше первого дня',
    },
  },
});
