// The staff alert's own words, in each language the app speaks: the email a shop's team reads,
// not the marketer's form (translations.ts). Serbian is written once, in Cyrillic; its Latin
// texts are transliterated, before the customer's and the event's values go in (those stay as written).
import { negotiateLocale, toLatin, type Locale } from '@afterglow/i18n';

export interface Wording {
  /** {event} and {customer} */
  subject: string;
  /** {customer} */
  subjectNoEvent: string;
  heading: string;
  customer: string;
  email: string;
  noEmail: string;
  openCustomer: string;
  order: string;
  total: string;
  event: string;
  at: string;
  details: string;
  noDetails: string;
  note: string;
  footer: string;
}

const en: Wording = {
  subject: 'Alert: {event} – {customer}',
  subjectNoEvent: 'Alert: {customer}',
  heading: 'A customer needs your attention',
  customer: 'Customer', email: 'Email', noEmail: 'no email address',
  openCustomer: 'Open the customer in Afterglow',
  order: 'Order', total: 'Total', event: 'What happened', at: 'When',
  details: 'Details', noDetails: 'The event carried no details.',
  note: 'Note from the journey',
  footer: 'Sent by an “Alert staff” step of a journey in Afterglow.',
};

const sr: Wording = {
  subject: 'Упозорење: {event} – {customer}',
  subjectNoEvent: 'Упозорење: {customer}',
  heading: 'Купцу је потребна ваша пажња',
  customer: 'Купац', email: 'Имејл', noEmail: 'нема имејл адресу',
  openCustomer: 'Отворите купца у Afterglow-у',
  order: 'Поруџбина', total: 'Укупно', event: 'Шта се догодило', at: 'Када',
  details: 'Детаљи', noDetails: 'Догађај није донео детаље.',
  note: 'Напомена из тока',
  footer: 'Послао корак „Обавести тим“ једног тока у Afterglow-у.',
};

const sl: Wording = {
  subject: 'Opozorilo: {event} – {customer}',
  subjectNoEvent: 'Opozorilo: {customer}',
  heading: 'Kupec potrebuje vašo pozornost',
  customer: 'Kupec', email: 'E-pošta', noEmail: 'brez e-poštnega naslova',
  openCustomer: 'Odprite kupca v Afterglowu',
  order: 'Naročilo', total: 'Skupaj', event: 'Kaj se je zgodilo', at: 'Kdaj',
  details: 'Podrobnosti', noDetails: 'Dogodek ni prinesel podrobnosti.',
  note: 'Opomba iz poteka',
  footer: 'Poslal korak »Obvesti ekipo« enega od potekov v Afterglowu.',
};

const ru: Wording = {
  subject: 'Оповещение: {event} — {customer}',
  subjectNoEvent: 'Оповещение: {customer}',
  heading: 'Покупателю нужно ваше внимание',
  customer: 'Покупатель', email: 'Email', noEmail: 'нет адреса email',
  openCustomer: 'Открыть покупателя в Afterglow',
  order: 'Заказ', total: 'Сумма', event: 'Что произошло', at: 'Когда',
  details: 'Подробности', noDetails: 'В событии нет подробностей.',
  note: 'Примечание из сценария',
  footer: 'Отправлено шагом «Оповестить команду» сценария в Afterglow.',
};

const latin = Object.fromEntries(Object.entries(sr).map(([k, v]) => [k, toLatin(v)])) as unknown as Wording;

/** Every locale's wording (the catalogue test reads them all). */
export const WORDING: Record<Locale, Wording> = { en, 'sr-Cyrl': sr, 'sr-Latn': latin, sl, ru };

/** The wording and the locale it is in, for any tag ('sr-Latn-RS', 'de' → English). */
export function wordingFor(tag: string): { locale: Locale; words: Wording } {
  const locale = negotiateLocale(tag);
  return { locale, words: WORDING[locale] };
}
