// Send SMS in the languages of the shops it was written for. English is in the definitions;
// what a locale lacks falls back to English (the SDK's localizeNode). Version 1 shares the
// node's texts and names its one text field `text`.
import type { FieldText, NodeText } from '@afterglow/node-sdk';

type Locale = 'sr-Latn' | 'sr-Cyrl' | 'sl' | 'ru';

const node: Record<Locale, Omit<NodeText, 'fields'>> = {
  'sr-Latn': {
    label: 'Pošalji SMS',
    description: 'Šalje tekstualnu poruku preko vašeg SMS gejtveja (Twilio), sa poljima za personalizaciju, uz pristanak kupca i tihe sate.',
    branches: { out: 'Zatim' },
    counters: { sent: 'Poslato', delivered: 'Isporučeno', undelivered: 'Nije isporučeno', skipped: 'Preskočeno' },
  },
  'sr-Cyrl': {
    label: 'Пошаљи СМС',
    description: 'Шаље текстуалну поруку преко вашег СМС гејтвеја (Twilio), са пољима за персонализацију, уз пристанак купца и тихе сате.',
    branches: { out: 'Затим' },
    counters: { sent: 'Послато', delivered: 'Испоручено', undelivered: 'Није испоручено', skipped: 'Прескочено' },
  },
  sl: {
    label: 'Pošlji SMS',
    description: 'Pošlje besedilno sporočilo prek vašega SMS prehoda (Twilio), s polji za personalizacijo, ob upoštevanju privolitve in tihih ur.',
    branches: { out: 'Nato' },
    counters: { sent: 'Poslano', delivered: 'Dostavljeno', undelivered: 'Ni dostavljeno', skipped: 'Preskočeno' },
  },
  ru: {
    label: 'Отправить SMS',
    description: 'Отправляет SMS через ваш SMS-шлюз (Twilio) с полями подстановки, с учётом согласия покупателя и тихих часов.',
    branches: { out: 'Далее' },
    counters: { sent: 'Отправлено', delivered: 'Доставлено', undelivered: 'Не доставлено', skipped: 'Пропущено' },
  },
};

const message: Record<Locale, FieldText> = {
  'sr-Latn': { label: 'Poruka', placeholder: 'Zdravo {{ customer.firstName }}, vaš kod: {{ coupon.code }}',
    help: 'Polja: {{ customer.firstName }}, {{ coupon.code }}, {{ event.order_id }}; dodajte | default: "…" za vrednost koja može da nedostaje' },
  'sr-Cyrl': { label: 'Порука', placeholder: 'Здраво {{ customer.firstName }}, ваш код: {{ coupon.code }}',
    help: 'Поља: {{ customer.firstName }}, {{ coupon.code }}, {{ event.order_id }}; додајте | default: "…" за вредност која може да недостаје' },
  sl: { label: 'Sporočilo', placeholder: 'Pozdravljeni {{ customer.firstName }}, vaša koda: {{ coupon.code }}',
    help: 'Polja: {{ customer.firstName }}, {{ coupon.code }}, {{ event.order_id }}; dodajte | default: "…" za vrednost, ki lahko manjka' },
  ru: { label: 'Сообщение', placeholder: 'Здравствуйте, {{ customer.firstName }}, ваш код: {{ coupon.code }}',
    help: 'Поля: {{ customer.firstName }}, {{ coupon.code }}, {{ event.order_id }}; добавьте | default: "…" для значения, которого может не быть' },
};

/** Version 1's text field: its help names fewer merge fields. */
const text: Record<Locale, FieldText> = {
  'sr-Latn': { label: 'Poruka', help: 'Polja: {{ customer.firstName }}, {{ coupon.code }}' },
  'sr-Cyrl': { label: 'Порука', help: 'Поља: {{ customer.firstName }}, {{ coupon.code }}' },
  sl: { label: 'Sporočilo', help: 'Polja: {{ customer.firstName }}, {{ coupon.code }}' },
  ru: { label: 'Сообщение', help: 'Поля: {{ customer.firstName }}, {{ coupon.code }}' },
};

/** The schemas' validation messages (configIssues with a locale). */
const messages: Record<Locale, Record<string, string>> = {
  'sr-Latn': {
    'Write the message': 'Napišite poruku', 'Write the text': 'Napišite poruku',
    'An SMS gateway takes at most 1,600 characters': 'SMS gejtvej prima najviše 1.600 znakova',
    'The country calling code in digits, e.g. 381': 'Pozivni broj zemlje u ciframa, npr. 381',
  },
  'sr-Cyrl': {
    'Write the message': 'Напишите поруку', 'Write the text': 'Напишите поруку',
    'An SMS gateway takes at most 1,600 characters': 'СМС гејтвеј прима највише 1.600 знакова',
    'The country calling code in digits, e.g. 381': 'Позивни број земље у цифрама, нпр. 381',
  },
  sl: {
    'Write the message': 'Napišite sporočilo', 'Write the text': 'Napišite sporočilo',
    'An SMS gateway takes at most 1,600 characters': 'SMS prehod sprejme največ 1.600 znakov',
    'The country calling code in digits, e.g. 381': 'Klicna koda države v števkah, npr. 386',
  },
  ru: {
    'Write the message': 'Напишите сообщение', 'Write the text': 'Напишите сообщение',
    'An SMS gateway takes at most 1,600 characters': 'SMS-шлюз принимает не больше 1600 символов',
    'The country calling code in digits, e.g. 381': 'Код страны цифрами, например 7',
  },
};

const kind: Record<Locale, FieldText> = {
  'sr-Latn': { label: 'Vrsta', options: { marketing: 'Marketinška (uz SMS pristanak)', transactional: 'Transakciona (o porudžbini)' },
    help: 'Marketinški SMS dobijaju samo kupci sa smsConsent true; kupci sa smsConsent false ne dobijaju nijedan SMS' },
  'sr-Cyrl': { label: 'Врста', options: { marketing: 'Маркетиншка (уз СМС пристанак)', transactional: 'Трансакциона (о поруџбини)' },
    help: 'Маркетиншке СМС добијају само купци са smsConsent true; купци са smsConsent false не добијају ниједан СМС' },
  sl: { label: 'Vrsta', options: { marketing: 'Trženjsko (s privolitvijo za SMS)', transactional: 'Transakcijsko (o naročilu)' },
    help: 'Trženjske SMS prejmejo le kupci s smsConsent true; kupci s smsConsent false ne prejmejo nobenega SMS' },
  ru: { label: 'Тип', options: { marketing: 'Маркетинговое (нужно согласие на SMS)', transactional: 'Транзакционное (о заказе)' },
    help: 'Маркетинговые SMS получают только покупатели с smsConsent true; покупатели с smsConsent false не получают никаких SMS' },
};

const v2Fields: Record<Locale, Record<'whenCapped' | 'alphabet' | 'countryCode', FieldText>> = {
  'sr-Latn': {
    whenCapped: { label: 'Ako je dostignuto ograničenje učestalosti', options: { skip: 'Preskoči ovaj SMS', hold: 'Zadrži ga dok kupac ne bude mogao da ga primi' } },
    alphabet: { label: 'Pismo', options: { keep: 'Kako je napisano', latin: 'Latinica bez kvačica (GSM-7: 160 znakova po SMS-u)' },
      help: 'Ćirilica ili č, ć, š, ž, đ šalju ceo SMS kao Unicode: 70 znakova umesto 160. Latinica ih piše kao c, s, z, dj.' },
    countryCode: { label: 'Pozivni broj zemlje za lokalne brojeve',
      help: 'Npr. 381: 060 123 4567 se šalje na +381 60 123 4567. Prazno: šalje se samo na brojeve napisane sa + ili 00' },
  },
  'sr-Cyrl': {
    whenCapped: { label: 'Ако је достигнуто ограничење учесталости', options: { skip: 'Прескочи овај СМС', hold: 'Задржи га док купац не буде могао да га прими' } },
    alphabet: { label: 'Писмо', options: { keep: 'Како је написано', latin: 'Латиница без квачица (GSM-7: 160 знакова по СМС-у)' },
      help: 'Ћирилица или č, ć, š, ž, đ шаљу цео СМС као Unicode: 70 знакова уместо 160. Латиница их пише као c, s, z, dj.' },
    countryCode: { label: 'Позивни број земље за локалне бројеве',
      help: 'Нпр. 381: 060 123 4567 се шаље на +381 60 123 4567. Празно: шаље се само на бројеве написане са + или 00' },
  },
  sl: {
    whenCapped: { label: 'Če je dosežena omejitev pogostosti', options: { skip: 'Preskoči ta SMS', hold: 'Zadrži ga, dokler ga kupec ne more prejeti' } },
    alphabet: { label: 'Pisava', options: { keep: 'Kot je napisano', latin: 'Latinica brez strešic (GSM-7: 160 znakov na SMS)' },
      help: 'Cirilica ali č, ć, š, ž, đ pošljejo celoten SMS kot Unicode: 70 znakov namesto 160. Latinica jih zapiše kot c, s, z, dj.' },
    countryCode: { label: 'Klicna koda države za lokalne številke',
      help: 'Npr. 386: 041 123 456 se pošlje na +386 41 123 456. Prazno: pošlje se le na številke, zapisane s + ali 00' },
  },
  ru: {
    whenCapped: { label: 'Если достигнут лимит частоты', options: { skip: 'Пропустить это SMS', hold: 'Отложить, пока покупатель не сможет его получить' } },
    alphabet: { label: 'Алфавит', options: { keep: 'Как написано', latin: 'Латиница без диакритики (GSM-7: 160 символов в SMS)' },
      help: 'Кириллица отправляет всё SMS в Unicode: 70 символов вместо 160. Латиница пишет её латинскими буквами (Привет → Privet).' },
    countryCode: { label: 'Код страны для местных номеров',
      help: 'Напр. 7: 8 912 345-67-89 отправляется на +7 912 345-67-89. Пусто: только номера, записанные с + или 00' },
  },
};

const LOCALES = Object.keys(node) as Locale[];

/** Each locale, and plain 'sr' (a browser's "Serbian") as Cyrillic, Serbian's default script. */
function byLocale(fields: (l: Locale) => Record<string, FieldText>): Record<string, NodeText> {
  const out: Record<string, NodeText> = Object.fromEntries(LOCALES.map((l) => [l, { ...node[l], fields: fields(l), messages: messages[l] }]));
  return { ...out, sr: out['sr-Cyrl'] };
}

export const translations = byLocale((l) => ({ message: message[l], kind: kind[l], ...v2Fields[l] }));

export const translationsV1 = byLocale((l) => ({ text: text[l], kind: kind[l] }));
