// The shop's home markets, beside its international customers (people.ts): Serbia (in Cyrillic
// and in Latin: both scripts are in daily use there), Slovenia and Russia. Each has its names,
// cities with their time zones, the way its people write a mobile number, its currency and the
// locale the shop records. Serbian is written once, in Cyrillic; Latin customers get toLatin of it.
import { toLatin, type Currency } from '@afterglow/i18n';
import type { Random } from './random';

export type MarketId = 'sr-Cyrl' | 'sr-Latn' | 'sl' | 'ru';

export interface Person {
  firstName: string; lastName: string;
  /** First and last name as the customer spells them in Latin letters (their email address is made of it). */
  latin: [string, string];
  city: string; timezone: string; phone: string;
}

export interface Market {
  id: MarketId;
  /** What the shop stores in customers.locale (a canonical BCP 47 tag). */
  locale: string;
  currency: Currency;
  /** Share of demo customers (after the first ten) from this market; the rest are international. */
  weight: number;
  person(random: Random): Person;
}

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');

// Belgrade three times, Ljubljana and Moscow too: where most customers of each market live.
const SERBIAN = {
  firstNames: ['Милица', 'Јована', 'Ана', 'Марија', 'Јелена', 'Ивана', 'Теодора', 'Софија', 'Катарина', 'Невена', 'Драгана', 'Тијана', 'Љиљана',
    'Никола', 'Лука', 'Стефан', 'Марко', 'Милош', 'Немања', 'Александар', 'Душан', 'Урош', 'Огњен', 'Лазар', 'Ђорђе', 'Жељко', 'Чедомир'],
  lastNames: ['Јовановић', 'Петровић', 'Николић', 'Марковић', 'Ђорђевић', 'Стојановић', 'Илић', 'Станковић', 'Павловић', 'Милошевић', 'Томић',
    'Поповић', 'Живковић', 'Тодоровић', 'Јанковић', 'Савић', 'Лукић', 'Ђукић', 'Радовановић', 'Кнежевић', 'Чолић', 'Љубисављевић'],
  cities: ['Београд', 'Београд', 'Београд', 'Нови Сад', 'Нови Сад', 'Ниш', 'Крагујевац', 'Суботица', 'Зрењанин', 'Панчево', 'Чачак', 'Краљево',
    'Нови Пазар', 'Ваљево', 'Шабац', 'Ужице'],
};

function serbian(script: 'Cyrl' | 'Latn'): Market['person'] {
  const written = script === 'Cyrl' ? (s: string) => s : toLatin;
  return (random) => {
    const firstName = random.pick(SERBIAN.firstNames);
    const lastName = random.pick(SERBIAN.lastNames);
    return {
      firstName: written(firstName), lastName: written(lastName), latin: [toLatin(firstName), toLatin(lastName)],
      city: written(random.pick(SERBIAN.cities)), timezone: 'Europe/Belgrade',
      phone: `+381 6${random.pick([0, 1, 2, 3, 4, 5, 6, 9])} ${digits(random, 3)} ${digits(random, 4)}`,
    };
  };
}

const SLOVENIAN = {
  firstNames: ['Ana', 'Maja', 'Nina', 'Eva', 'Špela', 'Urška', 'Tjaša', 'Nika', 'Sara', 'Petra', 'Mojca', 'Katja', 'Luka', 'Jan', 'Žiga', 'Nejc',
    'Matic', 'Rok', 'Miha', 'Tilen', 'Gašper', 'Jure', 'Anže', 'Blaž', 'Jakob', 'Matej'],
  lastNames: ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Kos', 'Vidmar', 'Golob', 'Turk', 'Božič',
    'Kralj', 'Zupan', 'Bizjak', 'Hribar', 'Kavčič', 'Rozman', 'Kastelic', 'Oblak', 'Žagar', 'Kolar', 'Dolenc'],
  cities: ['Ljubljana', 'Ljubljana', 'Ljubljana', 'Maribor', 'Maribor', 'Celje', 'Kranj', 'Koper', 'Novo mesto', 'Velenje', 'Nova Gorica',
    'Murska Sobota', 'Ptuj'],
};

const slovenian: Market['person'] = (random) => {
  const firstName = random.pick(SLOVENIAN.firstNames);
  const lastName = random.pick(SLOVENIAN.lastNames);
  return {
    firstName, lastName, latin: [firstName, lastName], city: random.pick(SLOVENIAN.cities), timezone: 'Europe/Ljubljana',
    phone: `+386 ${random.pick(['30', '31', '40', '41', '51', '64', '68', '70', '71'])} ${digits(random, 3)} ${digits(random, 3)}`,
  };
};

// Russian surnames agree with the bearer: Смирнов, Смирнова. Each name with its usual Latin spelling.
const RUSSIAN = {
  women: [['Анастасия', 'anastasia'], ['Мария', 'maria'], ['Анна', 'anna'], ['Екатерина', 'ekaterina'], ['Ольга', 'olga'], ['Дарья', 'daria'],
    ['Елена', 'elena'], ['Наталья', 'natalia'], ['Юлия', 'yulia'], ['Софья', 'sofia'], ['Ксения', 'ksenia'], ['Татьяна', 'tatiana']],
  men: [['Александр', 'aleksandr'], ['Дмитрий', 'dmitry'], ['Максим', 'maksim'], ['Сергей', 'sergey'], ['Андрей', 'andrey'], ['Алексей', 'alexey'],
    ['Иван', 'ivan'], ['Михаил', 'mikhail'], ['Никита', 'nikita'], ['Артём', 'artem'], ['Егор', 'egor'], ['Кирилл', 'kirill']],
  lastNames: [['Смирнов', 'smirnov'], ['Иванов', 'ivanov'], ['Кузнецов', 'kuznetsov'], ['Попов', 'popov'], ['Соколов', 'sokolov'],
    ['Лебедев', 'lebedev'], ['Козлов', 'kozlov'], ['Новиков', 'novikov'], ['Морозов', 'morozov'], ['Петров', 'petrov'], ['Волков', 'volkov'],
    ['Соловьёв', 'solovyov'], ['Васильев', 'vasilyev'], ['Зайцев', 'zaytsev'], ['Павлов', 'pavlov'], ['Семёнов', 'semyonov'], ['Орлов', 'orlov'],
    ['Фёдоров', 'fyodorov']],
  cities: [['Москва', 'Europe/Moscow'], ['Москва', 'Europe/Moscow'], ['Москва', 'Europe/Moscow'], ['Санкт-Петербург', 'Europe/Moscow'],
    ['Санкт-Петербург', 'Europe/Moscow'], ['Казань', 'Europe/Moscow'], ['Нижний Новгород', 'Europe/Moscow'], ['Краснодар', 'Europe/Moscow'],
    ['Воронеж', 'Europe/Moscow'], ['Самара', 'Europe/Samara'], ['Екатеринбург', 'Asia/Yekaterinburg'], ['Новосибирск', 'Asia/Novosibirsk']],
};

const russian: Market['person'] = (random) => {
  const woman = random.chance(0.5);
  const [firstName, firstLatin] = random.pick(woman ? RUSSIAN.women : RUSSIAN.men);
  const [lastName, lastLatin] = random.pick(RUSSIAN.lastNames);
  const [city, timezone] = random.pick(RUSSIAN.cities);
  return {
    firstName, lastName: woman ? `${lastName}а` : lastName, latin: [firstLatin, woman ? `${lastLatin}a` : lastLatin], city, timezone,
    phone: `+7 9${digits(random, 2)} ${digits(random, 3)}-${digits(random, 2)}-${digits(random, 2)}`,
  };
};

export const markets: Record<MarketId, Market> = {
  'sr-Cyrl': { id: 'sr-Cyrl', locale: 'sr-RS', currency: 'RSD', weight: 0.2, person: serbian('Cyrl') },
  'sr-Latn': { id: 'sr-Latn', locale: 'sr-Latn-RS', currency: 'RSD', weight: 0.12, person: serbian('Latn') },
  sl: { id: 'sl', locale: 'sl-SI', currency: 'EUR', weight: 0.12, person: slovenian },
  ru: { id: 'ru', locale: 'ru-RU', currency: 'RUB', weight: 0.11, person: russian },
};

/**
 * A catalogue price (EUR) in the currency a customer pays in, priced as shops there do: the
 * converted amount rounded up to the next hundred, less ten (10.590 RSD, 8 590 ₽).
 */
const RATES: Partial<Record<Currency, number>> = { RSD: 117.2, RUB: 95 };

export function localPrice(eur: number, currency: Currency): number {
  const rate = RATES[currency];
  return rate === undefined ? eur : Math.ceil((eur * rate) / 100) * 100 - 10;
}
