// The SDK's own words in the languages Afterglow speaks: the messages of its ready-made fields
// (durationSchema, dateTimeSchema, keyValueSchema) and the card's line for a config that does not
// parse. A node type's `translations` come first; these fill in what they leave out, so a plugin
// that uses a ready-made field need not translate its messages. Serbian is given in both scripts
// (the Latin one is the Cyrillic transliterated) and as plain 'sr' (Cyrillic, Serbian's default).
import type { NodeText } from './i18n.js';

const cyrillic: Record<string, string> = {
  'Needs configuration': 'Треба подесити',
  'A whole number': 'Цео број',
  'At least {min}': 'Најмање {min}',
  'A name': 'Назив',
  'Each name once': 'Сваки назив само једном',
  'This item has lost its id: remove it and add it again': 'Ова ставка је изгубила ознаку: уклоните је и додајте поново',
  'Two items share an id: remove one and add it again': 'Две ставке имају исту ознаку: уклоните једну и додајте је поново',
  'A date and time, e.g. 2026-12-24T09:00:00+01:00': 'Датум и време, нпр. 2026-12-24T09:00:00+01:00',
};

const messages: Record<string, Record<string, string>> = {
  'sr-Cyrl': cyrillic,
  sr: cyrillic,
  'sr-Latn': {
    'Needs configuration': 'Treba podesiti',
    'A whole number': 'Ceo broj',
    'At least {min}': 'Najmanje {min}',
    'A name': 'Naziv',
    'Each name once': 'Svaki naziv samo jednom',
    'This item has lost its id: remove it and add it again': 'Ova stavka je izgubila oznaku: uklonite je i dodajte ponovo',
    'Two items share an id: remove one and add it again': 'Dve stavke imaju istu oznaku: uklonite jednu i dodajte je ponovo',
    'A date and time, e.g. 2026-12-24T09:00:00+01:00': 'Datum i vreme, npr. 2026-12-24T09:00:00+01:00',
  },
  sl: {
    'Needs configuration': 'Treba nastaviti',
    'A whole number': 'Celo število',
    'At least {min}': 'Najmanj {min}',
    'A name': 'Ime',
    'Each name once': 'Vsako ime le enkrat',
    'This item has lost its id: remove it and add it again': 'Ta postavka je izgubila oznako: odstranite jo in jo dodajte znova',
    'Two items share an id: remove one and add it again': 'Dve postavki imata isto oznako: eno odstranite in jo dodajte znova',
    'A date and time, e.g. 2026-12-24T09:00:00+01:00': 'Datum in čas, npr. 2026-12-24T09:00:00+01:00',
  },
  ru: {
    'Needs configuration': 'Нужно настроить',
    'A whole number': 'Целое число',
    'At least {min}': 'Не меньше {min}',
    'A name': 'Название',
    'Each name once': 'Каждое название только один раз',
    'This item has lost its id: remove it and add it again': 'У этого элемента пропал идентификатор: удалите его и добавьте заново',
    'Two items share an id: remove one and add it again': 'У двух элементов одинаковый идентификатор: удалите один и добавьте заново',
    'A date and time, e.g. 2026-12-24T09:00:00+01:00': 'Дата и время, напр. 2026-12-24T09:00:00+01:00',
  },
};

/** In the shape of a node type's `translations`, so the same fallback applies. */
export const OWN_TEXT: Readonly<Record<string, NodeText>> = Object.fromEntries(Object.entries(messages).map(([locale, m]) => [locale, { messages: m }]));
