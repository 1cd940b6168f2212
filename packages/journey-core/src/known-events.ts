// The shop events Afterglow knows by name: what Shopify's webhooks produce, the Segment
// e-commerce names shops send, and the events Afterglow derives itself. The event picker shows
// each with a label in the reader's language beside its raw name, even before one arrives, and
// the server lists them with the events the workspace has received. Serbian is written once,
// in Cyrillic; the Latin text is derived (toLatin).
import { toLatin, type Locale } from '@afterglow/i18n';
import { normalizeEventName } from '@afterglow/node-sdk';
import { LOYALTY_EVENTS } from './loyalty-settings';

export type EventPropertyType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'date';

interface Text { label: string; description: string }

export interface KnownEvent {
  /** The name as it arrives: Shopify's when Shopify sends it, else Segment's. */
  name: string;
  /** Properties it is known to carry, offered before any such event was received. */
  properties: Record<string, EventPropertyType>;
  text: { en: Text; sr: Text; sl: Text; ru: Text };
}

const order = { order_id: 'string', total: 'number', currency: 'string', products: 'array' } as const;
const tracking = { order_id: 'string', tracking_company: 'string', tracking_number: 'string', tracking_url: 'string' } as const;
const checkout = { checkout_id: 'string', total: 'number', currency: 'string', products: 'array', recovery_url: 'string' } as const;
const fulfillment = { ...tracking, fulfillment_id: 'string', status: 'string', shipment_status: 'string', products: 'array' } as const;

export const KNOWN_EVENTS: readonly KnownEvent[] = [
  { name: 'Order Completed', properties: order, text: {
    en: { label: 'Order placed', description: 'A customer placed an order (Shopify orders/create, Segment Order Completed).' },
    sr: { label: 'Нова поруџбина', description: 'Купац је наручио (Shopify orders/create, Segment Order Completed).' },
    sl: { label: 'Novo naročilo', description: 'Kupec je oddal naročilo (Shopify orders/create, Segment Order Completed).' },
    ru: { label: 'Новый заказ', description: 'Покупатель оформил заказ (Shopify orders/create, Segment Order Completed).' } } },
  { name: 'order_paid', properties: order, text: {
    en: { label: 'Order paid', description: 'The payment for the order went through.' },
    sr: { label: 'Поруџбина плаћена', description: 'Плаћање поруџбине је прошло.' },
    sl: { label: 'Naročilo plačano', description: 'Plačilo naročila je uspelo.' },
    ru: { label: 'Заказ оплачен', description: 'Оплата заказа прошла.' } } },
  { name: 'order_shipped', properties: tracking, text: {
    en: { label: 'Order shipped', description: 'The order is on its way, with the carrier, tracking number and link.' },
    sr: { label: 'Поруџбина послата', description: 'Поруџбина је послата: курирска служба, број и линк за праћење.' },
    sl: { label: 'Naročilo odposlano', description: 'Naročilo je na poti: dostavna služba, številka in povezava za sledenje.' },
    ru: { label: 'Заказ отправлен', description: 'Заказ передан в доставку: служба доставки, трек-номер и ссылка.' } } },
  { name: 'order_delivered', properties: tracking, text: {
    en: { label: 'Order delivered', description: 'The carrier reports the order delivered.' },
    sr: { label: 'Поруџбина испоручена', description: 'Курирска служба јавља да је поруџбина испоручена.' },
    sl: { label: 'Naročilo dostavljeno', description: 'Dostavna služba sporoča, da je naročilo dostavljeno.' },
    ru: { label: 'Заказ доставлен', description: 'Служба доставки сообщила, что заказ доставлен.' } } },
  { name: 'order_cancelled', properties: { order_id: 'string' }, text: {
    en: { label: 'Order cancelled', description: 'The shop cancelled the order.' },
    sr: { label: 'Поруџбина отказана', description: 'Продавница је отказала поруџбину.' },
    sl: { label: 'Naročilo preklicano', description: 'Trgovina je preklicala naročilo.' },
    ru: { label: 'Заказ отменён', description: 'Магазин отменил заказ.' } } },
  { name: 'order_refunded', properties: { order_id: 'string' }, text: {
    en: { label: 'Order refunded', description: 'The customer got the whole order’s money back.' },
    sr: { label: 'Новац враћен', description: 'Купцу је враћен новац за целу поруџбину.' },
    sl: { label: 'Kupnina vrnjena', description: 'Kupcu je bila vrnjena kupnina za celotno naročilo.' },
    ru: { label: 'Возврат денег', description: 'Покупателю вернули деньги за весь заказ.' } } },
  { name: 'order_partially_refunded', properties: { order_id: 'string' }, text: {
    en: { label: 'Order partly refunded', description: 'The customer got money back for part of the order.' },
    sr: { label: 'Делимично враћен новац', description: 'Купцу је враћен новац за део поруџбине.' },
    sl: { label: 'Delno vračilo kupnine', description: 'Kupcu je bil vrnjen del kupnine.' },
    ru: { label: 'Частичный возврат', description: 'Покупателю вернули деньги за часть заказа.' } } },
  { name: 'order_updated', properties: { order_id: 'string', status: 'string' }, text: {
    en: { label: 'Order changed', description: 'The order was edited in the shop (items, address, state).' },
    sr: { label: 'Поруџбина измењена', description: 'Поруџбина је измењена у продавници (артикли, адреса, стање).' },
    sl: { label: 'Naročilo spremenjeno', description: 'Naročilo je bilo spremenjeno v trgovini (izdelki, naslov, stanje).' },
    ru: { label: 'Заказ изменён', description: 'Заказ изменили в магазине (товары, адрес, статус).' } } },
  { name: 'order_deleted', properties: { order_id: 'string' }, text: {
    en: { label: 'Order deleted', description: 'The shop deleted the order.' },
    sr: { label: 'Поруџбина обрисана', description: 'Продавница је обрисала поруџбину.' },
    sl: { label: 'Naročilo izbrisano', description: 'Trgovina je izbrisala naročilo.' },
    ru: { label: 'Заказ удалён', description: 'Магазин удалил заказ.' } } },
  { name: 'fulfillment_created', properties: fulfillment, text: {
    en: { label: 'Shipment created', description: 'The shop packed the order, or part of it, into a shipment with tracking.' },
    sr: { label: 'Пошиљка припремљена', description: 'Продавница је спаковала поруџбину или њен део у пошиљку са праћењем.' },
    sl: { label: 'Pošiljka pripravljena', description: 'Trgovina je naročilo ali njegov del pripravila za pošiljanje s sledenjem.' },
    ru: { label: 'Отправление создано', description: 'Магазин собрал заказ или его часть в отправление с отслеживанием.' } } },
  { name: 'fulfillment_updated', properties: fulfillment, text: {
    en: { label: 'Shipment updated', description: 'The carrier’s status of a shipment changed.' },
    sr: { label: 'Статус пошиљке промењен', description: 'Курирска служба је променила статус пошиљке.' },
    sl: { label: 'Stanje pošiljke spremenjeno', description: 'Dostavna služba je spremenila stanje pošiljke.' },
    ru: { label: 'Статус отправления изменён', description: 'Служба доставки обновила статус отправления.' } } },
  { name: 'Checkout Started', properties: checkout, text: {
    en: { label: 'Checkout started', description: 'A customer began checking out; carries the cart and the link back to it.' },
    sr: { label: 'Започета куповина', description: 'Купац је кренуо на плаћање; садржи корпу и линк за повратак у њу.' },
    sl: { label: 'Začet nakup', description: 'Kupec je začel zaključevati nakup; vsebuje košarico in povezavo nazaj do nje.' },
    ru: { label: 'Начато оформление заказа', description: 'Покупатель перешёл к оформлению; с корзиной и ссылкой, чтобы вернуться к ней.' } } },
  { name: 'checkout_updated', properties: { ...checkout, completed: 'boolean' }, text: {
    en: { label: 'Checkout updated', description: 'The customer changed the cart or their details while checking out.' },
    sr: { label: 'Куповина измењена', description: 'Купац је током плаћања изменио корпу или своје податке.' },
    sl: { label: 'Nakup posodobljen', description: 'Kupec je med zaključevanjem nakupa spremenil košarico ali svoje podatke.' },
    ru: { label: 'Оформление заказа обновлено', description: 'Покупатель изменил корзину или свои данные при оформлении.' } } },
  { name: 'Checkout Abandoned', properties: checkout, text: {
    en: { label: 'Checkout abandoned', description: 'Sent by Afterglow itself: a checkout was started and not completed in time.' },
    sr: { label: 'Напуштена корпа', description: 'Шаље га сам Afterglow: куповина је започета, а није завршена на време.' },
    sl: { label: 'Zapuščena košarica', description: 'Pošlje ga Afterglow sam: nakup je bil začet, a ne pravočasno zaključen.' },
    ru: { label: 'Брошенная корзина', description: 'Отправляет сам Afterglow: оформление заказа начато, но не завершено вовремя.' } } },
  { name: 'Review Submitted', properties: { rating: 'number', product_id: 'string', product_name: 'string', text: 'string', order_id: 'string', review_id: 'string', has_photo: 'boolean' }, text: {
    en: { label: 'Review submitted', description: 'Sent by Afterglow itself: a customer rated a product of an order on the review page (1 to 5 stars, with their text).' },
    sr: { label: 'Нова рецензија', description: 'Шаље га сам Afterglow: купац је на страници за рецензије оценио производ из поруџбине (од 1 до 5 звездица, уз свој коментар).' },
    sl: { label: 'Nova ocena', description: 'Pošlje ga Afterglow sam: kupec je na strani za ocene ocenil izdelek iz naročila (od 1 do 5 zvezdic, s svojim komentarjem).' },
    ru: { label: 'Новый отзыв', description: 'Отправляет сам Afterglow: покупатель оценил товар из заказа на странице отзывов (от 1 до 5 звёзд, с комментарием).' } } },
  { name: LOYALTY_EVENTS.expiring, properties: { points: 'number', expires_at: 'date', days_left: 'number' }, text: {
    en: { label: 'Points expiring', description: 'Sent by Afterglow itself: a loyalty member’s points expire soon, as they have neither earned nor spent any for a while (how many, when, days left).' },
    sr: { label: 'Бодови ускоро истичу', description: 'Шаље га сам Afterglow: бодови члана програма лојалности ускоро истичу, јер их дуже време није ни зарадио ни потрошио (колико, када, преостали дани).' },
    sl: { label: 'Točke kmalu potečejo', description: 'Pošlje ga Afterglow sam: točke člana programa zvestobe kmalu potečejo, ker jih že dlje časa ni ne zbral ne porabil (koliko, kdaj, koliko dni še).' },
    ru: { label: 'Баллы скоро сгорят', description: 'Отправляет сам Afterglow: баллы участника программы лояльности скоро сгорят, потому что он давно их не получал и не тратил (сколько, когда, сколько дней осталось).' } } },
  { name: LOYALTY_EVENTS.expired, properties: { points: 'number' }, text: {
    en: { label: 'Points expired', description: 'Sent by Afterglow itself: a loyalty member’s unused points expired after months without earning or spending (how many).' },
    sr: { label: 'Бодови истекли', description: 'Шаље га сам Afterglow: неискоришћени бодови члана програма лојалности истекли су после месеци без зараде или потрошње (колико).' },
    sl: { label: 'Točke potekle', description: 'Pošlje ga Afterglow sam: neporabljene točke člana programa zvestobe so potekle po mesecih brez zbiranja ali porabe (koliko).' },
    ru: { label: 'Баллы сгорели', description: 'Отправляет сам Afterglow: неиспользованные баллы участника программы лояльности сгорели после нескольких месяцев без начислений и списаний (сколько).' } } },
  { name: 'Reward Redeemed', properties: { reward_id: 'string', reward_name: 'string', points: 'number', coupon_code: 'string', coupon_expires_at: 'date', balance: 'number' }, text: {
    en: { label: 'Reward redeemed', description: 'Sent by Afterglow itself: a customer spent points on a reward and got its coupon code (with the points left).' },
    sr: { label: 'Искоришћена награда', description: 'Шаље га сам Afterglow: купац је потрошио бодове на награду и добио њен код за попуст (уз бодове који су му остали).' },
    sl: { label: 'Unovčena nagrada', description: 'Pošlje ga Afterglow sam: kupec je točke zamenjal za nagrado in dobil njeno kodo za popust (s preostalimi točkami).' },
    ru: { label: 'Награда получена', description: 'Отправляет сам Afterglow: покупатель обменял баллы на награду и получил её промокод (с оставшимися баллами).' } } },
  { name: 'Referral Link Opened', properties: { code: 'string', referrer_id: 'string' }, text: {
    en: { label: 'Referral link opened', description: 'Sent by Afterglow itself: someone opened a customer’s referral link (the code and who it belongs to).' },
    sr: { label: 'Отворен линк за препоруку', description: 'Шаље га сам Afterglow: неко је отворио купчев линк за препоруку (код и чији је).' },
    sl: { label: 'Odprta povezava za priporočilo', description: 'Pošlje ga Afterglow sam: nekdo je odprl kupčevo povezavo za priporočilo (koda in čigava je).' },
    ru: { label: 'Открыта реферальная ссылка', description: 'Отправляет сам Afterglow: кто-то открыл реферальную ссылку покупателя (код и чей он).' } } },
  { name: 'Referral Completed', properties: {
    role: 'string', referrer_id: 'string', friend_id: 'string', order_id: 'string', code: 'string',
    referrer_first_name: 'string', referrer_email: 'string', friend_first_name: 'string', friend_email: 'string',
  }, text: {
    en: { label: 'Referral completed', description: 'Sent by Afterglow itself, once to each side: a referred friend’s first order passed the qualifying period (role: referrer or friend).' },
    sr: { label: 'Препорука остварена', description: 'Шаље га сам Afterglow, по једном свакој страни: прва поруџбина препорученог пријатеља прошла је период провере (улога: referrer или friend).' },
    sl: { label: 'Priporočilo uspešno', description: 'Pošlje ga Afterglow sam, po enkrat vsaki strani: prvo naročilo priporočenega prijatelja je prestalo čakalno obdobje (vloga: referrer ali friend).' },
    ru: { label: 'Рекомендация засчитана', description: 'Отправляет сам Afterglow, по разу каждой стороне: первый заказ приглашённого друга прошёл проверочный срок (роль: referrer или friend).' } } },
  { name: LOYALTY_EVENTS.tierChanged, properties: { from_tier: 'string', to_tier: 'string', from_tier_name: 'string', to_tier_name: 'string', direction: 'string' }, text: {
    en: { label: 'Loyalty tier changed', description: 'Sent by Afterglow itself: the customer moved up or down a loyalty tier (direction up or down, the tiers’ ids and names).' },
    sr: { label: 'Промењен ниво лојалности', description: 'Шаље га сам Afterglow: купац је прешао на виши или нижи ниво програма лојалности (смер up или down, ознаке и називи нивоа).' },
    sl: { label: 'Sprememba ravni zvestobe', description: 'Pošlje ga Afterglow sam: kupec se je v programu zvestobe povzpel ali spustil na drugo raven (smer up ali down, oznaki in imeni ravni).' },
    ru: { label: 'Изменён уровень лояльности', description: 'Отправляет сам Afterglow: покупатель перешёл на более высокий или низкий уровень программы лояльности (направление up или down, коды и названия уровней).' } } },
  { name: LOYALTY_EVENTS.milestone, properties: { milestone: 'number', points: 'number' }, text: {
    en: { label: 'Points milestone reached', description: 'Sent by Afterglow itself: the customer’s points balance reached one of the shop’s milestones (once per milestone).' },
    sr: { label: 'Достигнут праг бодова', description: 'Шаље га сам Afterglow: стање бодова купца је достигло један од прагова продавнице (једном за сваки праг).' },
    sl: { label: 'Dosežen mejnik točk', description: 'Pošlje ga Afterglow sam: stanje točk kupca je doseglo enega od mejnikov trgovine (enkrat za vsak mejnik).' },
    ru: { label: 'Достигнут порог баллов', description: 'Отправляет сам Afterglow: баланс баллов покупателя достиг одного из порогов магазина (один раз для каждого порога).' } } },
  { name: 'Product Viewed', properties: { product_id: 'string', name: 'string', category: 'string', price: 'number' }, text: {
    en: { label: 'Product viewed', description: 'A customer opened a product page (sent by the shop’s site).' },
    sr: { label: 'Прегледан производ', description: 'Купац је отворио страницу производа (шаље сајт продавнице).' },
    sl: { label: 'Ogled izdelka', description: 'Kupec je odprl stran izdelka (pošlje spletna trgovina).' },
    ru: { label: 'Просмотр товара', description: 'Покупатель открыл страницу товара (отправляет сайт магазина).' } } },
  { name: 'marketing_consent_updated', properties: { state: 'string', subscribed: 'boolean', opt_in_level: 'string' }, text: {
    en: { label: 'Email consent changed', description: 'The customer subscribed to or unsubscribed from emails in Shopify.' },
    sr: { label: 'Промењена сагласност за имејлове', description: 'Купац се у Shopify-ју пријавио на имејлове или се одјавио.' },
    sl: { label: 'Spremenjeno soglasje za e-pošto', description: 'Kupec se je v Shopifyju prijavil na e-novice ali se odjavil.' },
    ru: { label: 'Изменено согласие на рассылку', description: 'Покупатель подписался на рассылку в Shopify или отписался от неё.' } } },
];

const byKey = new Map(KNOWN_EVENTS.map((e) => [normalizeEventName(e.name), e]));

/** The known event a name means (any spelling: "Order Shipped" is order_shipped), if any. */
export function knownEvent(name: string): KnownEvent | undefined {
  return byKey.get(normalizeEventName(name));
}

/** A known event's label and description in the reader's language. */
export function knownEventText(event: KnownEvent, locale: Locale): Text {
  switch (locale) {
    case 'sr-Cyrl': return event.text.sr;
    case 'sr-Latn': return { label: toLatin(event.text.sr.label), description: toLatin(event.text.sr.description) };
    case 'en': case 'sl': case 'ru': return event.text[locale];
  }
}
