// Split by rules, in the shops' languages: each rule is a property condition (its words shared
// with Condition: property) and a branch named by the marketer, shown as written.
import { CONDITION_WORDS, fieldsUnder } from '../../shared/condition/words';
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE } from '../../shared/words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Гранање по правилима',
    description: 'Шаље сваког купца граном првог правила које за њега важи, или граном „Сви остали“.',
    branches: { else: 'Сви остали' },
    fields: {
      rules: { label: 'Правила', help: 'Проверавају се редом: купац иде граном првог правила које важи, иначе „Сви остали“' },
      'rules.name': { label: 'Назив гране', placeholder: 'нпр. VIP', help: 'Пише на грани' },
      ...fieldsUnder('rules', CONDITION_WORDS.sr.fields),
    },
    messages: { ...CONDITION_WORDS.sr.messages, 'Name the rule': 'Унесите назив правила', 'At most 40 characters': 'Највише 40 знакова', 'Add a rule': 'Додајте правило', 'At most 10 rules': 'Највише 10 правила', 'Give each rule its own name': 'Свако правило мора имати свој назив', 'A rule now keeps its connection when it is renamed; the connections stay as they were': 'Правило сада задржава своју везу када га преименујете; постојеће везе су остале какве су биле' },
  },
  sl: {
    label: 'Razvejitev po pravilih',
    description: 'Vsakega kupca pošlje po veji prvega pravila, ki zanj velja, ali po veji „Vsi drugi“.',
    branches: { else: 'Vsi drugi' },
    fields: {
      rules: { label: 'Pravila', help: 'Preverjajo se po vrsti: kupec gre po veji prvega pravila, ki velja, sicer „Vsi drugi“' },
      'rules.name': { label: 'Ime veje', placeholder: 'npr. VIP', help: 'Napisano na veji' },
      ...fieldsUnder('rules', CONDITION_WORDS.sl.fields),
    },
    messages: { ...CONDITION_WORDS.sl.messages, 'Name the rule': 'Vpišite ime pravila', 'At most 40 characters': 'Največ 40 znakov', 'Add a rule': 'Dodajte pravilo', 'At most 10 rules': 'Največ 10 pravil', 'Give each rule its own name': 'Vsako pravilo potrebuje svoje ime', 'A rule now keeps its connection when it is renamed; the connections stay as they were': 'Pravilo zdaj obdrži svojo povezavo, ko ga preimenujete; obstoječe povezave so ostale, kot so bile' },
  },
  ru: {
    label: 'Ветвление по правилам',
    description: 'Каждый покупатель идёт по ветке первого выполненного для него правила или по ветке «Все остальные».',
    branches: { else: 'Все остальные' },
    fields: {
      rules: { label: 'Правила', help: 'Проверяются по порядку: покупатель идёт по ветке первого выполненного правила, иначе — «Все остальные»' },
      'rules.name': { label: 'Название ветки', placeholder: 'например, VIP', help: 'Показывается на ветке' },
      ...fieldsUnder('rules', CONDITION_WORDS.ru.fields),
    },
    messages: { ...CONDITION_WORDS.ru.messages, 'Name the rule': 'Назовите правило', 'At most 40 characters': 'Не больше 40 символов', 'Add a rule': 'Добавьте правило', 'At most 10 rules': 'Не больше 10 правил', 'Give each rule its own name': 'У каждого правила должно быть своё название', 'A rule now keeps its connection when it is renamed; the connections stay as they were': 'Теперь правило сохраняет свою связь, когда его переименовывают; существующие связи остались как были' },
  },
});

/** What the card names: version 1's config and version 2's alike. */
type MultiSplitConfig = { rules: readonly { name: string }[] };

const names = (c: MultiSplitConfig, quote: (t: string) => string) => c.rules.map((r) => quote(r.name)).join(', ');

export const summaries: Summaries<MultiSplitConfig> = {
  en: (c) => `First that holds: ${names(c, (t) => `“${t}”`)}; else everyone else`,
  sr: (c, say) => `Прво које важи: ${names(c, (t) => QUOTE.sr(say.quote(t)))}; иначе сви остали`,
  sl: (c, say) => `Prvo, ki velja: ${names(c, (t) => QUOTE.sl(say.quote(t)))}; sicer vsi drugi`,
  ru: (c, say) => `Первое выполненное: ${names(c, (t) => QUOTE.ru(say.quote(t)))}; иначе все остальные`,
};
