// Wait for event in the shops' languages: its texts, messages and the card's line.
import { translated, type Summaries } from '../../shared/translate';
import { DURATION, QUOTE, UNIT_OPTIONS } from '../../shared/words';
import type { WaitForEventConfig } from './definition';

const { minutes: _sr, ...srUnits } = UNIT_OPTIONS.sr;
const { minutes: _sl, ...slUnits } = UNIT_OPTIONS.sl;
const { minutes: _ru, ...ruUnits } = UNIT_OPTIONS.ru;

export const translations = translated({
  'sr-Cyrl': {
    label: 'Сачекај догађај',
    description: 'Задржава купца док нешто не уради (нпр. поруџбина буде испоручена), или одустаје после неког времена.',
    branches: { happened: 'Догодило се', timed_out: 'Време је истекло' },
    fields: {
      event: { label: 'Догађај који се чека', help: 'нпр. Order Delivered' },
      matchTriggerProperty: { label: 'Иста вредност својства', help: 'Својство покретача које догађај мора да дели, нпр. order_id; празно: било који такав догађај' },
      timeoutAmount: { label: 'Одустани после' },
      timeoutUnit: { label: 'Јединица', options: srUnits },
    },
    messages: { 'Name the event to wait for': 'Унесите догађај који се чека', 'Use a whole number': 'Унесите цео број', 'Wait at least 1': 'Најмање 1' },
  },
  sl: {
    label: 'Počakaj na dogodek',
    description: 'Zadrži kupca, dokler nečesa ne naredi (npr. naročilo je dostavljeno), ali po določenem času odneha.',
    branches: { happened: 'Zgodilo se je', timed_out: 'Čas je potekel' },
    fields: {
      event: { label: 'Dogodek, na katerega čaka', help: 'npr. Order Delivered' },
      matchTriggerProperty: { label: 'Enaka vrednost lastnosti', help: 'Lastnost sprožilca, ki jo mora imeti tudi dogodek, npr. order_id; prazno: katerikoli tak dogodek' },
      timeoutAmount: { label: 'Odnehaj po' },
      timeoutUnit: { label: 'Enota', options: slUnits },
    },
    messages: { 'Name the event to wait for': 'Vpišite dogodek, na katerega naj čaka', 'Use a whole number': 'Vpišite celo število', 'Wait at least 1': 'Najmanj 1' },
  },
  ru: {
    label: 'Ожидание события',
    description: 'Задерживает покупателя, пока он что-то не сделает (например, заказ доставлен), или перестаёт ждать через заданное время.',
    branches: { happened: 'Произошло', timed_out: 'Время вышло' },
    fields: {
      event: { label: 'Ожидаемое событие', help: 'например Order Delivered' },
      matchTriggerProperty: { label: 'То же значение свойства', help: 'Свойство запуска, которое должно совпасть у события, например order_id; пусто: любое такое событие' },
      timeoutAmount: { label: 'Перестать ждать через' },
      timeoutUnit: { label: 'Единица', options: ruUnits },
    },
    messages: { 'Name the event to wait for': 'Укажите ожидаемое событие', 'Use a whole number': 'Введите целое число', 'Wait at least 1': 'Не меньше 1' },
  },
});

const same = (property: string, words: (p: string) => string) => (property ? ` (${words(property)})` : '');

export const summaries: Summaries<WaitForEventConfig> = {
  en: (c, say) => `Until “${say.quote(c.event)}”${c.matchTriggerProperty ? ` (same ${say.quote(c.matchTriggerProperty)})` : ''}, at most ${c.timeoutAmount} ${c.timeoutUnit}`,
  sr: (c, say) => `До ${QUOTE.sr(say.quote(c.event))}${same(c.matchTriggerProperty, (p) => `исто ${say.quote(p)}`)}, највише ${say.count(c.timeoutAmount, DURATION.sr[c.timeoutUnit])}`,
  sl: (c, say) => `Do ${QUOTE.sl(say.quote(c.event))}${same(c.matchTriggerProperty, (p) => `enak ${say.quote(p)}`)}, največ ${say.count(c.timeoutAmount, DURATION.sl[c.timeoutUnit])}`,
  ru: (c, say) => `До ${QUOTE.ru(say.quote(c.event))}${same(c.matchTriggerProperty, (p) => `тот же ${say.quote(p)}`)}, максимум ${say.count(c.timeoutAmount, DURATION.ru[c.timeoutUnit])}`,
};
