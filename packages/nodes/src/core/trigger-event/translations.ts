// Trigger on event in the shops' languages: its texts, messages and the card's line.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE, THEN } from '../../shared/words';
import type { TriggerEventConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Покрени на догађај',
    description: 'Покреће ток када купац нешто уради, нпр. заврши поруџбину.',
    branches: { out: THEN.sr },
    fields: {
      event: { label: 'Назив догађаја', help: 'Онако како га ваша продавница шаље, нпр. Order Completed' },
      filters: { label: 'Само када', help: 'Морају да важе сви' },
      'filters.property': { label: 'Својство', help: 'нпр. total или shipping.country' },
      'filters.op': { label: 'Оператор', options: { equals: 'је', not_equals: 'није', contains: 'садржи', greater_than: 'је веће од', less_than: 'је мање од', exists: 'постоји' } },
      'filters.value': { label: 'Вредност' },
      entryKeyProperty: { label: 'Улаз једном по', help: 'Својство догађаја, нпр. orderId; празно: једном по догађају' },
    },
    messages: {
      'Name the event property': 'Унесите назив својства догађаја',
      'Choose the event that starts the journey': 'Изаберите догађај који покреће ток',
      'At most 10 filters': 'Највише 10 филтера',
    },
  },
  sl: {
    label: 'Sproži ob dogodku',
    description: 'Začne potek, ko kupec nekaj naredi, npr. zaključi naročilo.',
    branches: { out: THEN.sl },
    fields: {
      event: { label: 'Ime dogodka', help: 'Tako, kot ga pošilja vaša trgovina, npr. Order Completed' },
      filters: { label: 'Samo ko', help: 'Veljati morajo vsi' },
      'filters.property': { label: 'Lastnost', help: 'npr. total ali shipping.country' },
      'filters.op': { label: 'Operator', options: { equals: 'je', not_equals: 'ni', contains: 'vsebuje', greater_than: 'je večje od', less_than: 'je manjše od', exists: 'obstaja' } },
      'filters.value': { label: 'Vrednost' },
      entryKeyProperty: { label: 'Vstop enkrat na', help: 'Lastnost dogodka, npr. orderId; prazno: enkrat na dogodek' },
    },
    messages: {
      'Name the event property': 'Vpišite ime lastnosti dogodka',
      'Choose the event that starts the journey': 'Izberite dogodek, ki začne potek',
      'At most 10 filters': 'Največ 10 filtrov',
    },
  },
  ru: {
    label: 'Запуск по событию',
    description: 'Запускает сценарий, когда покупатель что-то делает, например оформляет заказ.',
    branches: { out: THEN.ru },
    fields: {
      event: { label: 'Название события', help: 'Как его отправляет ваш магазин, например Order Completed' },
      filters: { label: 'Только если', help: 'Должны выполняться все условия' },
      'filters.property': { label: 'Свойство', help: 'например total или shipping.country' },
      'filters.op': { label: 'Оператор', options: { equals: 'равно', not_equals: 'не равно', contains: 'содержит', greater_than: 'больше', less_than: 'меньше', exists: 'задано' } },
      'filters.value': { label: 'Значение' },
      entryKeyProperty: { label: 'Входить один раз на', help: 'Свойство события, например orderId; пусто: один раз на событие' },
    },
    messages: {
      'Name the event property': 'Укажите свойство события',
      'Choose the event that starts the journey': 'Выберите событие, которое запускает сценарий',
      'At most 10 filters': 'Не больше 10 фильтров',
    },
  },
});

const filters = (n: number, words: string) => (n ? ` (${words})` : '');

export const summaries: Summaries<TriggerEventConfig> = {
  en: (c, say) => `When “${say.quote(c.event)}” happens${c.filters.length ? ` (${c.filters.length} filter${c.filters.length > 1 ? 's' : ''})` : ''}`,
  sr: (c, say) => `Када се догоди ${QUOTE.sr(say.quote(c.event))}${filters(c.filters.length, say.count(c.filters.length, { one: 'филтер', few: 'филтера', other: 'филтера' }))}`,
  sl: (c, say) => `Ko se zgodi ${QUOTE.sl(say.quote(c.event))}${filters(c.filters.length, say.count(c.filters.length, { one: 'filter', two: 'filtra', few: 'filtri', other: 'filtrov' }))}`,
  ru: (c, say) => `Когда происходит ${QUOTE.ru(say.quote(c.event))}${filters(c.filters.length, say.count(c.filters.length, { one: 'фильтр', few: 'фильтра', many: 'фильтров', other: 'фильтра' }))}`,
};
