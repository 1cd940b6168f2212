// A property condition in the shops' languages: its form's texts, its messages, and its card
// line ("Language of the customer: is one of „sr“, „hr“"). Subject and comparison are joined by
// a colon, so no language has to make a verb agree with whichever field was picked.
import type { FieldText } from '@afterglow/node-sdk';
import type { Forms, Language, Say } from '../translate';
import { QUOTE } from '../words';
import type { Condition, Operator } from './schema';

type Translated = Exclude<Language, 'en'>;

interface Words {
  fields: Record<string, FieldText>;
  messages: Record<string, string>;
  sources: { attribute: string; event: string; context: string; order: string };
  customerFields: Record<Exclude<Condition['customerField'], 'attribute'>, string>;
  operators: Record<Operator, string>;
  and: string;
  days: Forms;
}

const sr: Words = {
  fields: {
    source: { label: 'Провери', options: { customer: 'Податак о купцу', event: 'Догађај који је покренуо ток', context: 'Оно што је сачувао ранији корак', order: 'Вредност поруџбине' } },
    customerField: { label: 'Податак о купцу', options: { email: 'Имејл', firstName: 'Име', lastName: 'Презиме', locale: 'Језик', timezone: 'Временска зона', birthday: 'Рођендан', tags: 'Ознаке', attribute: 'Други податак…' } },
    attribute: { label: 'Назив податка', placeholder: 'нпр. vip_level', help: 'Како га продавница шаље уз купца; тачка залази унутра: address.city' },
    eventProperty: { label: 'Својство догађаја', placeholder: 'нпр. shipping.country', help: 'Својство догађаја који је покренуо ток' },
    contextKey: { label: 'Сачувана вредност', placeholder: 'coupon', help: 'coupon: купон који је издао ранији корак (coupon.value за његову вредност)' },
    operator: { label: 'Услов', options: { equals: 'је', not_equals: 'није', contains: 'садржи', greater_than: 'је веће од', less_than: 'је мање од', between: 'је између', is_set: 'је унето', is_not_set: 'није унето', in_list: 'је једно од', not_in_list: 'није ниједно од', before: 'је пре', after: 'је после', within_last_days: 'је у последњих дана' } },
    value: { label: 'Вредност' }, number: { label: 'Број' }, numberTo: { label: 'И' }, date: { label: 'Датум' },
    days: { label: 'Последњих дана' }, values: { label: 'Вредности' },
  },
  messages: {
    'At most 100 characters': 'Највише 100 знакова', 'At most 200 characters': 'Највише 200 знакова', 'At most 500 characters': 'Највише 500 знакова',
    'At most 50 values': 'Највише 50 вредности', 'Enter a number': 'Унесите број', 'Enter a number of days': 'Унесите број дана',
    'Name the attribute': 'Унесите назив податка', 'Name the event property': 'Унесите својство догађаја', 'Name the stored value, e.g. coupon': 'Унесите сачувану вредност, нпр. coupon',
    'This field is text: choose is, is not, contains, is one of or is set': 'Ово поље је текст: изаберите „је“, „није“, „садржи“, „је једно од“ или „је унето“',
    'The order’s value is a number: compare it with a number': 'Вредност поруџбине је број: поредите је са бројем',
    'This field is a date: choose before, after or within the last days': 'Ово поље је датум: изаберите „пре“, „после“ или „у последњих дана“',
    'Enter a value': 'Унесите вредност', 'The second number must not be smaller than the first': 'Други број не сме бити мањи од првог',
    'Choose a date': 'Изаберите датум', 'Use whole days from 1 to 36500': 'Унесите цео број дана, од 1 до 36500', 'Add at least one value': 'Додајте бар једну вредност',
  },
  sources: { attribute: 'Податак о купцу', event: 'Својство догађаја', context: 'Сачувано', order: 'Вредност поруџбине' },
  customerFields: { email: 'Имејл купца', firstName: 'Име купца', lastName: 'Презиме купца', locale: 'Језик купца', timezone: 'Временска зона купца', birthday: 'Рођендан купца', tags: 'Ознаке купца' },
  operators: { equals: 'је', not_equals: 'није', contains: 'садржи', greater_than: 'веће од', less_than: 'мање од', between: 'између', is_set: 'унето', is_not_set: 'није унето', in_list: 'једно од', not_in_list: 'ниједно од', before: 'пре', after: 'после', within_last_days: 'у последњих' },
  and: 'и', days: { one: 'дан', few: 'дана', other: 'дана' },
};

const sl: Words = {
  fields: {
    source: { label: 'Preveri', options: { customer: 'Podatek o kupcu', event: 'Dogodek, ki je začel potek', context: 'Kar je shranil prejšnji korak', order: 'Vrednost naročila' } },
    customerField: { label: 'Podatek o kupcu', options: { email: 'E-pošta', firstName: 'Ime', lastName: 'Priimek', locale: 'Jezik', timezone: 'Časovni pas', birthday: 'Rojstni dan', tags: 'Oznake', attribute: 'Drug podatek …' } },
    attribute: { label: 'Ime podatka', placeholder: 'npr. vip_level', help: 'Kot ga trgovina pošlje s kupcem; pika seže noter: address.city' },
    eventProperty: { label: 'Lastnost dogodka', placeholder: 'npr. shipping.country', help: 'Lastnost dogodka, ki je začel potek' },
    contextKey: { label: 'Shranjena vrednost', placeholder: 'coupon', help: 'coupon: kupon, ki ga je izdal prejšnji korak (coupon.value za njegovo vrednost)' },
    operator: { label: 'Pogoj', options: { equals: 'je', not_equals: 'ni', contains: 'vsebuje', greater_than: 'je večje od', less_than: 'je manjše od', between: 'je med', is_set: 'je vpisano', is_not_set: 'ni vpisano', in_list: 'je eno od', not_in_list: 'ni nobeno od', before: 'je pred', after: 'je po', within_last_days: 'je v zadnjih dneh' } },
    value: { label: 'Vrednost' }, number: { label: 'Število' }, numberTo: { label: 'In' }, date: { label: 'Datum' },
    days: { label: 'Zadnjih dni' }, values: { label: 'Vrednosti' },
  },
  messages: {
    'At most 100 characters': 'Največ 100 znakov', 'At most 200 characters': 'Največ 200 znakov', 'At most 500 characters': 'Največ 500 znakov',
    'At most 50 values': 'Največ 50 vrednosti', 'Enter a number': 'Vpišite število', 'Enter a number of days': 'Vpišite število dni',
    'Name the attribute': 'Vpišite ime podatka', 'Name the event property': 'Vpišite lastnost dogodka', 'Name the stored value, e.g. coupon': 'Vpišite shranjeno vrednost, npr. coupon',
    'This field is text: choose is, is not, contains, is one of or is set': 'To polje je besedilo: izberite „je“, „ni“, „vsebuje“, „je eno od“ ali „je vpisano“',
    'The order’s value is a number: compare it with a number': 'Vrednost naročila je število: primerjajte jo s številom',
    'This field is a date: choose before, after or within the last days': 'To polje je datum: izberite „pred“, „po“ ali „v zadnjih dneh“',
    'Enter a value': 'Vpišite vrednost', 'The second number must not be smaller than the first': 'Drugo število ne sme biti manjše od prvega',
    'Choose a date': 'Izberite datum', 'Use whole days from 1 to 36500': 'Vpišite celo število dni, od 1 do 36500', 'Add at least one value': 'Dodajte vsaj eno vrednost',
  },
  sources: { attribute: 'Podatek o kupcu', event: 'Lastnost dogodka', context: 'Shranjeno', order: 'Vrednost naročila' },
  customerFields: { email: 'E-pošta kupca', firstName: 'Ime kupca', lastName: 'Priimek kupca', locale: 'Jezik kupca', timezone: 'Časovni pas kupca', birthday: 'Rojstni dan kupca', tags: 'Oznake kupca' },
  operators: { equals: 'je', not_equals: 'ni', contains: 'vsebuje', greater_than: 'večje od', less_than: 'manjše od', between: 'med', is_set: 'vpisano', is_not_set: 'ni vpisano', in_list: 'eno od', not_in_list: 'nobeno od', before: 'pred', after: 'po', within_last_days: 'v zadnjih' },
  and: 'in', days: { one: 'dnevu', two: 'dneh', few: 'dneh', other: 'dneh' },
};

const ru: Words = {
  fields: {
    source: { label: 'Проверить', options: { customer: 'Данные покупателя', event: 'Событие, запустившее сценарий', context: 'То, что сохранил предыдущий шаг', order: 'Сумма заказа' } },
    customerField: { label: 'Данные покупателя', options: { email: 'Эл. почта', firstName: 'Имя', lastName: 'Фамилия', locale: 'Язык', timezone: 'Часовой пояс', birthday: 'День рождения', tags: 'Теги', attribute: 'Другой атрибут…' } },
    attribute: { label: 'Название атрибута', placeholder: 'например, vip_level', help: 'Как магазин передаёт его вместе с покупателем; точка ведёт внутрь: address.city' },
    eventProperty: { label: 'Свойство события', placeholder: 'например, shipping.country', help: 'Свойство события, запустившего сценарий' },
    contextKey: { label: 'Сохранённое значение', placeholder: 'coupon', help: 'coupon: купон, выданный предыдущим шагом (coupon.value — его размер)' },
    operator: { label: 'Условие', options: { equals: 'равно', not_equals: 'не равно', contains: 'содержит', greater_than: 'больше', less_than: 'меньше', between: 'между', is_set: 'заполнено', is_not_set: 'не заполнено', in_list: 'одно из', not_in_list: 'ни одно из', before: 'раньше', after: 'позже', within_last_days: 'за последние дни' } },
    value: { label: 'Значение' }, number: { label: 'Число' }, numberTo: { label: 'И' }, date: { label: 'Дата' },
    days: { label: 'Последних дней' }, values: { label: 'Значения' },
  },
  messages: {
    'At most 100 characters': 'Не больше 100 символов', 'At most 200 characters': 'Не больше 200 символов', 'At most 500 characters': 'Не больше 500 символов',
    'At most 50 values': 'Не больше 50 значений', 'Enter a number': 'Введите число', 'Enter a number of days': 'Введите число дней',
    'Name the attribute': 'Укажите атрибут', 'Name the event property': 'Укажите свойство события', 'Name the stored value, e.g. coupon': 'Укажите сохранённое значение, например coupon',
    'This field is text: choose is, is not, contains, is one of or is set': 'Это текстовое поле: выберите «равно», «не равно», «содержит», «одно из» или «заполнено»',
    'The order’s value is a number: compare it with a number': 'Сумма заказа — число: сравнивайте её с числом',
    'This field is a date: choose before, after or within the last days': 'Это поле — дата: выберите «раньше», «позже» или «за последние дни»',
    'Enter a value': 'Введите значение', 'The second number must not be smaller than the first': 'Второе число не может быть меньше первого',
    'Choose a date': 'Выберите дату', 'Use whole days from 1 to 36500': 'Целое число дней от 1 до 36500', 'Add at least one value': 'Добавьте хотя бы одно значение',
  },
  sources: { attribute: 'Атрибут покупателя', event: 'Свойство события', context: 'Сохранено', order: 'Сумма заказа' },
  customerFields: { email: 'Эл. почта покупателя', firstName: 'Имя покупателя', lastName: 'Фамилия покупателя', locale: 'Язык покупателя', timezone: 'Часовой пояс покупателя', birthday: 'День рождения покупателя', tags: 'Теги покупателя' },
  operators: { equals: 'равно', not_equals: 'не равно', contains: 'содержит', greater_than: 'больше', less_than: 'меньше', between: 'между', is_set: 'заполнено', is_not_set: 'не заполнено', in_list: 'одно из', not_in_list: 'ни одно из', before: 'раньше', after: 'позже', within_last_days: 'за последние' },
  and: 'и', days: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
};

const en: Words = {
  fields: {}, messages: {},
  sources: { attribute: 'Customer', event: 'Event', context: 'Stored', order: 'Order value' },
  customerFields: { email: 'Customer’s email', firstName: 'Customer’s first name', lastName: 'Customer’s last name', locale: 'Customer’s language', timezone: 'Customer’s time zone', birthday: 'Customer’s birthday', tags: 'Customer’s tags' },
  operators: { equals: 'is', not_equals: 'is not', contains: 'contains', greater_than: 'greater than', less_than: 'less than', between: 'between', is_set: 'is set', is_not_set: 'is not set', in_list: 'one of', not_in_list: 'none of', before: 'before', after: 'after', within_last_days: 'within the last' },
  and: 'and', days: { one: 'day', other: 'days' },
};

export const CONDITION_WORDS: Record<Translated, Pick<Words, 'fields' | 'messages'>> = { sr, sl, ru };
const ALL: Record<Language, Words> = { en, sr, sl, ru };

/** The form's field texts under a list's path ('rules'), for a rule of the multi-way split. */
export const fieldsUnder = (prefix: string, fields: Record<string, FieldText>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));

const dateOf = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** "Customer’s language: one of “sr”, “hr”": the condition in words, in `language`. */
export function describeCondition(c: Condition, language: Language, say: Say): string {
  const w = ALL[language];
  const q = (text: string) => QUOTE[language](say.quote(text));
  const subject = c.source === 'order' ? w.sources.order
    : c.source === 'event' ? `${w.sources.event} ${q(c.eventProperty)}`
      : c.source === 'context' ? `${w.sources.context} ${q(c.contextKey)}`
        : c.customerField === 'attribute' ? `${w.sources.attribute} ${q(c.attribute)}` : w.customerFields[c.customerField];
  const op = w.operators[c.operator];
  const list = () => c.values.filter((v) => v !== '').map(q).join(', ');
  const value = {
    equals: q(c.value), not_equals: q(c.value), contains: q(c.value), is_set: '', is_not_set: '',
    greater_than: say.number(c.number), less_than: say.number(c.number),
    between: `${say.number(c.number)} ${w.and} ${say.number(c.numberTo)}`,
    in_list: list(), not_in_list: list(),
    before: Number.isNaN(Date.parse(c.date)) ? '' : dateOf(say.locale, c.date), after: Number.isNaN(Date.parse(c.date)) ? '' : dateOf(say.locale, c.date),
    within_last_days: say.count(c.days, w.days),
  }[c.operator];
  return `${subject}: ${op}${value ? ` ${value}` : ''}`;
}
