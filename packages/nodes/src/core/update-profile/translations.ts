// Update profile in the shops' languages: its texts, messages and the card's line ("Add tag
// “VIP”", "Set city to the event’s city"). The attribute and tag are the marketer's words, kept
// as written.
import { translated, type Language, type Say, type Summaries } from '../../shared/translate';
import { QUOTE, THEN } from '../../shared/words';
import type { UpdateProfileConfig } from './definition';
import { valueInWords } from './words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Ажурирај профил',
    description: 'Поставља или брише атрибут купца, или додаје или уклања ознаку.',
    branches: { out: THEN.sr },
    counters: { updated: 'Ажурирано', skipped: 'Прескочено' },
    fields: {
      action: { label: 'Измена', options: { 'set-attribute': 'Постави атрибут', 'clear-attribute': 'Обриши атрибут', 'add-tag': 'Додај ознаку', 'remove-tag': 'Уклони ознаку' } },
      attribute: { label: 'Атрибут', placeholder: 'city' },
      value: { label: 'Вредност', help: 'Текст, са пољима за спајање као што су {{ event.city }} или {{ customer.firstName }}; празно: атрибут остаје какав је био' },
      tag: { label: 'Ознака', placeholder: 'VIP' },
    },
    messages: {
      'Keep the attribute name under 100 characters': 'Назив атрибута може имати највише 100 знакова',
      'An attribute name has only letters, digits and _ . -': 'Назив атрибута садржи само слова, цифре и _ . -',
      'This is a profile field of its own, not an attribute': 'Ово је засебно поље профила, а не атрибут',
      'Keep the value under 1,000 characters': 'Вредност може имати највише 1.000 знакова',
      'Keep the tag under 100 characters': 'Ознака може имати највише 100 знакова',
      'A tag has no commas': 'Ознака не може садржати зарез',
      'Name the attribute': 'Унесите назив атрибута',
      'Name the tag': 'Унесите ознаку',
    },
  },
  sl: {
    label: 'Posodobi profil',
    description: 'Nastavi ali počisti atribut kupca ali doda oziroma odstrani oznako.',
    branches: { out: THEN.sl },
    counters: { updated: 'Posodobljeni', skipped: 'Preskočeni' },
    fields: {
      action: { label: 'Sprememba', options: { 'set-attribute': 'Nastavi atribut', 'clear-attribute': 'Počisti atribut', 'add-tag': 'Dodaj oznako', 'remove-tag': 'Odstrani oznako' } },
      attribute: { label: 'Atribut', placeholder: 'city' },
      value: { label: 'Vrednost', help: 'Besedilo s polji za spajanje, kot sta {{ event.city }} ali {{ customer.firstName }}; prazno: atribut ostane, kot je bil' },
      tag: { label: 'Oznaka', placeholder: 'VIP' },
    },
    messages: {
      'Keep the attribute name under 100 characters': 'Ime atributa ima lahko največ 100 znakov',
      'An attribute name has only letters, digits and _ . -': 'Ime atributa vsebuje le črke, števke in _ . -',
      'This is a profile field of its own, not an attribute': 'To je samostojno polje profila, ne atribut',
      'Keep the value under 1,000 characters': 'Vrednost ima lahko največ 1.000 znakov',
      'Keep the tag under 100 characters': 'Oznaka ima lahko največ 100 znakov',
      'A tag has no commas': 'Oznaka ne sme vsebovati vejic',
      'Name the attribute': 'Vpišite ime atributa',
      'Name the tag': 'Vpišite oznako',
    },
  },
  ru: {
    label: 'Обновить профиль',
    description: 'Задаёт или очищает атрибут покупателя, добавляет или снимает тег.',
    branches: { out: THEN.ru },
    counters: { updated: 'Обновлено', skipped: 'Пропущено' },
    fields: {
      action: { label: 'Изменение', options: { 'set-attribute': 'Задать атрибут', 'clear-attribute': 'Очистить атрибут', 'add-tag': 'Добавить тег', 'remove-tag': 'Снять тег' } },
      attribute: { label: 'Атрибут', placeholder: 'city' },
      value: { label: 'Значение', help: 'Текст с полями подстановки, например {{ event.city }} или {{ customer.firstName }}; пусто: атрибут не меняется' },
      tag: { label: 'Тег', placeholder: 'VIP' },
    },
    messages: {
      'Keep the attribute name under 100 characters': 'Название атрибута — не больше 100 символов',
      'An attribute name has only letters, digits and _ . -': 'В названии атрибута только буквы, цифры и _ . -',
      'This is a profile field of its own, not an attribute': 'Это отдельное поле профиля, а не атрибут',
      'Keep the value under 1,000 characters': 'Значение — не больше 1000 символов',
      'Keep the tag under 100 characters': 'Тег — не больше 100 символов',
      'A tag has no commas': 'В теге не может быть запятых',
      'Name the attribute': 'Укажите название атрибута',
      'Name the tag': 'Укажите тег',
    },
  },
});

type Verbs = Record<UpdateProfileConfig['action'], string>;
const VERBS: Record<Language, Verbs> = {
  en: { 'add-tag': 'Add tag', 'remove-tag': 'Remove tag', 'clear-attribute': 'Clear', 'set-attribute': 'Set' },
  sr: { 'add-tag': 'Додај ознаку', 'remove-tag': 'Уклони ознаку', 'clear-attribute': 'Обриши', 'set-attribute': 'Постави' },
  sl: { 'add-tag': 'Dodaj oznako', 'remove-tag': 'Odstrani oznako', 'clear-attribute': 'Počisti', 'set-attribute': 'Nastavi' },
  ru: { 'add-tag': 'Добавить тег', 'remove-tag': 'Снять тег', 'clear-attribute': 'Очистить', 'set-attribute': 'Задать' },
};
/** "Set city to …": what goes between the attribute and its value. */
const TO: Record<Language, string> = { en: ' to ', sr: ' на ', sl: ' na ', ru: ': ' };

const line = (language: Language) => (c: UpdateProfileConfig, say: Say) => {
  const verb = VERBS[language][c.action];
  if (c.action === 'add-tag' || c.action === 'remove-tag') return `${verb} ${QUOTE[language](say.quote(c.tag))}`;
  if (c.action === 'clear-attribute') return `${verb} ${say.quote(c.attribute)}`;
  return `${verb} ${say.quote(c.attribute)}${TO[language]}${valueInWords(c.value, language, say)}`;
};

export const summaries: Summaries<UpdateProfileConfig> = { en: line('en'), sr: line('sr'), sl: line('sl'), ru: line('ru') };
