// Date in the profile in the shops' languages. The card's line names the date in the case its
// preposition takes ("7 дана пре рођендана", "7 dni pred rojstnim dnem", "за 7 дней до дня
// рождения"), so each language lists the date's forms: on the day, before, after.
import { translated, type Say, type Summaries } from '../../shared/translate';
import { DURATION, THEN } from '../../shared/words';
import type { DateTriggerConfig } from './definition';

const messages = {
  sr: { 'At most 100 characters': 'Највише 100 знакова', 'Use a whole number': 'Унесите цео број', 'At least 1 day': 'Најмање 1 дан', 'At most 365 days': 'Највише 365 дана', 'Use a whole hour': 'Унесите цео сат', 'Hour is 0–23': 'Сат је од 0 до 23', 'Name the attribute that holds the date': 'Наведите атрибут у коме је датум' },
  sl: { 'At most 100 characters': 'Največ 100 znakov', 'Use a whole number': 'Vpišite celo število', 'At least 1 day': 'Najmanj 1 dan', 'At most 365 days': 'Največ 365 dni', 'Use a whole hour': 'Vpišite celo uro', 'Hour is 0–23': 'Ura je od 0 do 23', 'Name the attribute that holds the date': 'Navedite atribut, v katerem je datum' },
  ru: { 'At most 100 characters': 'Не больше 100 символов', 'Use a whole number': 'Введите целое число', 'At least 1 day': 'Не меньше 1 дня', 'At most 365 days': 'Не больше 365 дней', 'Use a whole hour': 'Введите целый час', 'Hour is 0–23': 'Час от 0 до 23', 'Name the attribute that holds the date': 'Укажите атрибут, в котором хранится дата' },
};

export const translations = translated({
  'sr-Cyrl': {
    label: 'Датум из профила',
    description: 'Покреће ток на датум сваког купца: рођендан, годишњицу регистрације или прве поруџбине, или било који атрибут са датумом.',
    branches: { out: THEN.sr },
    fields: {
      source: { label: 'Датум', options: { birthday: 'рођендан', signup: 'годишњица регистрације', first_order: 'годишњица прве поруџбине', attribute: 'атрибут са датумом' } },
      attribute: { label: 'Атрибут', placeholder: 'membership_renewal', help: 'Садржи датум, нпр. 2027-03-14' },
      when: { label: 'Када', options: { on: 'тог дана', before: 'дана пре', after: 'дана после' } },
      days: { label: 'Дана' },
      repeat: { label: 'Понављање', help: 'Рођени 29. фебруара: 28. фебруара у осталим годинама', options: { yearly: 'сваке године', once: 'једном, баш на тај датум' } },
      hour: { label: 'У сат', help: '0–23, у временској зони купца' },
    },
    messages: messages.sr,
  },
  sl: {
    label: 'Datum iz profila',
    description: 'Začne potek na datum vsakega kupca: rojstni dan, obletnico registracije ali prvega naročila ali kateri koli atribut z datumom.',
    branches: { out: THEN.sl },
    fields: {
      source: { label: 'Datum', options: { birthday: 'rojstni dan', signup: 'obletnica registracije', first_order: 'obletnica prvega naročila', attribute: 'atribut z datumom' } },
      attribute: { label: 'Atribut', placeholder: 'membership_renewal', help: 'Vsebuje datum, npr. 2027-03-14' },
      when: { label: 'Kdaj', options: { on: 'na ta dan', before: 'dni prej', after: 'dni pozneje' } },
      days: { label: 'Dni' },
      repeat: { label: 'Ponavljanje', help: 'Rojeni 29. februarja: 28. februarja v drugih letih', options: { yearly: 'vsako leto', once: 'enkrat, prav na ta datum' } },
      hour: { label: 'Ob uri', help: '0–23, v kupčevem časovnem pasu' },
    },
    messages: messages.sl,
  },
  ru: {
    label: 'Дата из профиля',
    description: 'Запускает сценарий в дату каждого покупателя: день рождения, годовщину регистрации или первого заказа, любой атрибут с датой.',
    branches: { out: THEN.ru },
    fields: {
      source: { label: 'Дата', options: { birthday: 'день рождения', signup: 'годовщина регистрации', first_order: 'годовщина первого заказа', attribute: 'атрибут с датой' } },
      attribute: { label: 'Атрибут', placeholder: 'membership_renewal', help: 'Содержит дату, например 2027-03-14' },
      when: { label: 'Когда', options: { on: 'в этот день', before: 'дней до', after: 'дней после' } },
      days: { label: 'Дней' },
      repeat: { label: 'Повтор', help: 'Родившимся 29 февраля — 28 февраля в невисокосные годы', options: { yearly: 'каждый год', once: 'один раз, точно в эту дату' } },
      hour: { label: 'В час', help: '0–23, в часовом поясе покупателя' },
    },
    messages: messages.ru,
  },
});

type Forms = [on: string, before: string, after: string];
type Names = (c: DateTriggerConfig, say: Say) => Forms;
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The date's forms in each language: [on the day, before it, after it]. */
const NAMES: Record<'en' | 'sr' | 'sl' | 'ru', Names> = {
  en: (c, say) => {
    const yearly = c.repeat === 'yearly';
    const name = { birthday: 'the birthday', signup: yearly ? 'the sign-up anniversary' : 'sign-up',
      first_order: yearly ? 'the first-order anniversary' : 'the first order', attribute: say.quote(c.attribute) }[c.source];
    return [`on ${name}`, `before ${name}`, `after ${name}`];
  },
  sr: (c, say) => {
    const yearly = c.repeat === 'yearly';
    if (c.source === 'birthday') return ['на рођендан', 'пре рођендана', 'после рођендана'];
    if (c.source === 'attribute') return [`на датум ${say.quote(c.attribute)}`, `пре датума ${say.quote(c.attribute)}`, `после датума ${say.quote(c.attribute)}`];
    const what = c.source === 'signup' ? 'регистрације' : 'прве поруџбине';
    return yearly ? [`на годишњицу ${what}`, `пре годишњице ${what}`, `после годишњице ${what}`] : [`на дан ${what}`, `пре ${what}`, `после ${what}`];
  },
  sl: (c, say) => {
    const yearly = c.repeat === 'yearly';
    if (c.source === 'birthday') return ['na rojstni dan', 'pred rojstnim dnem', 'po rojstnem dnevu'];
    if (c.source === 'attribute') return [`na datum ${say.quote(c.attribute)}`, `pred datumom ${say.quote(c.attribute)}`, `po datumu ${say.quote(c.attribute)}`];
    const what = c.source === 'signup' ? 'registracije' : 'prvega naročila';
    if (yearly) return [`na obletnico ${what}`, `pred obletnico ${what}`, `po obletnici ${what}`];
    return c.source === 'signup' ? ['na dan registracije', 'pred registracijo', 'po registraciji'] : ['na dan prvega naročila', 'pred prvim naročilom', 'po prvem naročilu'];
  },
  ru: (c, say) => {
    const yearly = c.repeat === 'yearly';
    if (c.source === 'birthday') return ['в день рождения', 'до дня рождения', 'после дня рождения'];
    if (c.source === 'attribute') return [`в дату ${say.quote(c.attribute)}`, `до даты ${say.quote(c.attribute)}`, `после даты ${say.quote(c.attribute)}`];
    const what = c.source === 'signup' ? 'регистрации' : 'первого заказа';
    return yearly ? [`в годовщину ${what}`, `до годовщины ${what}`, `после годовщины ${what}`] : [`в день ${what}`, `до ${what}`, `после ${what}`];
  },
};

const when = (c: DateTriggerConfig, [on, before, after]: Forms, days: string, lead: { before: string; after: string }) =>
  capital(c.when === 'on' ? on : c.when === 'before' ? `${lead.before}${days} ${before}` : `${lead.after}${days} ${after}`);

export const summaries: Summaries<DateTriggerConfig> = {
  en: (c, say) => `${when(c, NAMES.en(c, say), `${c.days} day${c.days === 1 ? '' : 's'}`, { before: '', after: '' })}, `
    + `${c.repeat === 'yearly' ? 'every year' : 'once'} at ${clock(c.hour)} local`,
  sr: (c, say) => `${when(c, NAMES.sr(c, say), say.count(c.days, DURATION.sr.days), { before: '', after: '' })}, `
    + `${c.repeat === 'yearly' ? 'сваке године' : 'једном'} у ${clock(c.hour)} по времену купца`,
  sl: (c, say) => `${when(c, NAMES.sl(c, say), say.count(c.days, DURATION.sl.days), { before: '', after: '' })}, `
    + `${c.repeat === 'yearly' ? 'vsako leto' : 'enkrat'} ob ${clock(c.hour)} po kupčevem času`,
  ru: (c, say) => `${when(c, NAMES.ru(c, say), say.count(c.days, DURATION.ru.days), { before: 'за ', after: 'через ' })}, `
    + `${c.repeat === 'yearly' ? 'каждый год' : 'один раз'} в ${clock(c.hour)} по времени покупателя`,
};
