// The weekly digest's words in each language the app speaks. Figures are written as "label:
// value" lines, so no sentence needs a plural form. Serbian is written once, in Cyrillic; the
// Latin script is its transliteration.
import { toLatin, type Locale } from '@afterglow/i18n';

export interface DigestTexts {
  subject: string;
  greeting: string;
  intro: string;
  revenue: string;
  orders: string;
  topJourney: string;
  emails: string;
  delivered: string;
  bounced: string;
  hardBounced: string;
  softBounced: string;
  unsubscribed: string;
  complained: string;
  coupons: string;
  discount: string;
  pointsIssued: string;
  pointsRedeemed: string;
  pointsOutstanding: string;
  utc: string;
  why: string;
  action: string;
}

const en: DigestTexts = {
  subject: '{shop}: your week from {from} to {to}',
  greeting: 'Hello {name},',
  intro: 'Here is what happened at {shop} from {from} to {to}.',
  revenue: 'Revenue attributed to journeys',
  orders: 'Orders attributed',
  topJourney: 'Top journey',
  emails: 'Emails sent',
  delivered: 'Delivered',
  bounced: 'Bounced',
  hardBounced: 'Hard bounces',
  softBounced: 'Soft bounces',
  unsubscribed: 'Unsubscribed',
  complained: 'Spam complaints',
  coupons: 'Coupons redeemed / issued',
  discount: 'Discount given',
  pointsIssued: 'Points issued',
  pointsRedeemed: 'Points redeemed',
  pointsOutstanding: 'Points outstanding',
  utc: 'Days are counted in UTC.',
  why: 'You get this email because you turned on the weekly digest in your account menu; turn it off there.',
  action: 'Open the dashboard',
};

const ru: DigestTexts = {
  subject: '{shop}: ваша неделя с {from} по {to}',
  greeting: 'Здравствуйте, {name}!',
  intro: 'Вот что произошло в {shop} с {from} по {to}.',
  revenue: 'Выручка, атрибутированная сценариям',
  orders: 'Атрибутированные заказы',
  topJourney: 'Лучший сценарий',
  emails: 'Отправлено писем',
  delivered: 'Доставлено',
  bounced: 'Отказы',
  hardBounced: 'Жёсткие отказы',
  softBounced: 'Мягкие отказы',
  unsubscribed: 'Отписки',
  complained: 'Жалобы на спам',
  coupons: 'Купоны: использовано / выдано',
  discount: 'Сумма скидок',
  pointsIssued: 'Начислено баллов',
  pointsRedeemed: 'Потрачено баллов',
  pointsOutstanding: 'Баллы на счетах',
  utc: 'Дни считаются по UTC.',
  why: 'Вы получаете это письмо, потому что включили еженедельную сводку в меню учётной записи; там же её можно отключить.',
  action: 'Открыть сводку',
};

const sl: DigestTexts = {
  subject: '{shop}: vaš teden od {from} do {to}',
  greeting: 'Pozdravljeni, {name},',
  intro: 'To se je zgodilo v trgovini {shop} od {from} do {to}.',
  revenue: 'Prihodki, pripisani potekom',
  orders: 'Pripisana naročila',
  topJourney: 'Najboljši potek',
  emails: 'Poslana e-sporočila',
  delivered: 'Dostavljeno',
  bounced: 'Zavrnjeno',
  hardBounced: 'Trde zavrnitve',
  softBounced: 'Mehke zavrnitve',
  unsubscribed: 'Odjave',
  complained: 'Pritožbe zaradi neželene pošte',
  coupons: 'Kuponi: unovčeni / izdani',
  discount: 'Dani popust',
  pointsIssued: 'Podeljene točke',
  pointsRedeemed: 'Unovčene točke',
  pointsOutstanding: 'Neporabljene točke',
  utc: 'Dnevi so šteti po UTC.',
  why: 'To e-sporočilo prejemate, ker ste v meniju računa vklopili tedenski povzetek; tam ga lahko tudi izklopite.',
  action: 'Odpri pregled',
};

const srCyrl: DigestTexts = {
  subject: '{shop}: ваша недеља од {from} до {to}',
  greeting: 'Здраво, {name},',
  intro: 'Ево шта се десило у продавници {shop} од {from} до {to}.',
  revenue: 'Приход приписан токовима',
  orders: 'Приписане поруџбине',
  topJourney: 'Најбољи ток',
  emails: 'Послати имејлови',
  delivered: 'Испоручено',
  bounced: 'Одбијено',
  hardBounced: 'Тврда одбијања',
  softBounced: 'Мека одбијања',
  unsubscribed: 'Одјаве',
  complained: 'Пријаве нежељене поште',
  coupons: 'Купони: искоришћени / издати',
  discount: 'Дати попуст',
  pointsIssued: 'Додељени бодови',
  pointsRedeemed: 'Искоришћени бодови',
  pointsOutstanding: 'Неискоришћени бодови',
  utc: 'Дани се рачунају по UTC.',
  why: 'Овај имејл добијате јер сте у менију налога укључили недељни преглед; тамо га можете и искључити.',
  action: 'Отвори преглед',
};

const latin = Object.fromEntries(Object.entries(srCyrl).map(([k, v]) => [k, toLatin(v)])) as unknown as DigestTexts;

export const DIGEST_TEXTS: Record<Locale, DigestTexts> = { en, ru, sl, 'sr-Cyrl': srCyrl, 'sr-Latn': latin };

export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
