// Replenishment wait in the shops' languages (a buying cycle: циклус куповине, nakupni cikel,
// цикл покупки). The card's line is in summaries.ts.
import { translated } from '../../shared/translate';
import { THEN } from '../../shared/words';

const clock = Object.fromEntries(Array.from({ length: 24 }, (_, h) => [String(h), `${String(h).padStart(2, '0')}:00`]));
type Messages = [string, string, string, string, string, string, string, string, string];
const messages = (t: Messages) => ({
  'At most 300 characters': t[0], 'Enter a number of days': t[1], 'Use whole days': t[2], 'Use 0 or more days': t[3], 'At most 365 days': t[4],
  'Use a whole hour': t[5], 'Hour is 0–23': t[6], 'At least 1 day': t[7], 'At most 3650 days': t[8],
});

export const translations = translated({
  'sr-Cyrl': {
    label: 'Чекање до поновне куповине',
    description: 'Чека до мало пре него што ће купац вероватно поново купити производ: по његовим куповинама, иначе по циклусу куповине производа или категорије.',
    branches: { out: THEN.sr },
    counters: { own_history: 'По куповинама купца', product_cycle: 'Циклус производа', category_cycle: 'Циклус категорије', fallback: 'Подразумевано чекање', overdue: 'Рок је прошао' },
    fields: {
      for: { label: 'Предвиди следећу куповину', options: {
        'order-products': 'производа из поруџбине која је покренула ток', 'order-categories': 'из категорија поруџбине која је покренула ток',
        product: 'производа', category: 'из категорије',
      } },
      value: { label: 'ИД производа или категорија', placeholder: 'нпр. Козметика', help: 'Како их продавница назива; категорија обухвата и поткатегорије' },
      leadDays: { label: 'Дана пре очекиване куповине', help: 'Подсетите мало пре него што потроши' },
      atHour: { label: 'У', help: 'У временској зони купца', options: clock },
      fallbackDays: { label: 'Иначе чекај (дана после куповине)', help: 'Када ни историја купца ни циклус куповине не предвиђају куповину' },
    },
    messages: {
      ...messages(['Највише 300 знакова', 'Унесите број дана', 'Унесите цео број дана', 'Најмање 0 дана', 'Највише 365 дана', 'Унесите цео сат', 'Сат је од 0 до 23', 'Најмање 1 дан', 'Највише 3650 дана']),
      'Enter the product ID or category': 'Унесите ИД производа или категорију',
    },
  },
  sl: {
    label: 'Čakanje do ponovnega nakupa',
    description: 'Počaka do malo pred trenutkom, ko bo kupec verjetno spet kupil izdelek: po njegovih nakupih, sicer po nakupnem ciklu izdelka ali kategorije.',
    branches: { out: THEN.sl },
    counters: { own_history: 'Po kupčevih nakupih', product_cycle: 'Cikel izdelka', category_cycle: 'Cikel kategorije', fallback: 'Privzeto čakanje', overdue: 'Rok je že mimo' },
    fields: {
      for: { label: 'Predvidi naslednji nakup', options: {
        'order-products': 'izdelkov iz naročila, ki je začelo potek', 'order-categories': 'iz kategorij naročila, ki je začelo potek',
        product: 'izdelka', category: 'iz kategorije',
      } },
      value: { label: 'ID izdelka ali kategorija', placeholder: 'npr. Kozmetika', help: 'Kot jih imenuje trgovina; kategorija zajema tudi podkategorije' },
      leadDays: { label: 'Dni pred predvidenim nakupom', help: 'Opomnite malo preden zmanjka' },
      atHour: { label: 'Ob', help: 'V kupčevem časovnem pasu', options: clock },
      fallbackDays: { label: 'Sicer počakaj (dni po nakupu)', help: 'Ko nakupa ne napovesta ne kupčeva zgodovina ne nakupni cikel' },
    },
    messages: {
      ...messages(['Največ 300 znakov', 'Vpišite število dni', 'Vpišite celo število dni', 'Najmanj 0 dni', 'Največ 365 dni', 'Vpišite celo uro', 'Ura je od 0 do 23', 'Najmanj 1 dan', 'Največ 3650 dni']),
      'Enter the product ID or category': 'Vpišite ID izdelka ali kategorijo',
    },
  },
  ru: {
    label: 'Ожидание повторной покупки',
    description: 'Ждёт почти до момента, когда покупатель, скорее всего, снова купит товар: по его покупкам, иначе по циклу покупки товара или категории.',
    branches: { out: THEN.ru },
    counters: { own_history: 'По покупкам покупателя', product_cycle: 'Цикл товара', category_cycle: 'Цикл категории', fallback: 'Ожидание по умолчанию', overdue: 'Срок уже прошёл' },
    fields: {
      for: { label: 'Предсказать следующую покупку', options: {
        'order-products': 'товаров из заказа, запустившего сценарий', 'order-categories': 'из категорий заказа, запустившего сценарий',
        product: 'товара', category: 'из категории',
      } },
      value: { label: 'ID товара или категория', placeholder: 'например, Косметика', help: 'Как их называет магазин; категория включает подкатегории' },
      leadDays: { label: 'За сколько дней до ожидаемой покупки', help: 'Напомните чуть раньше, чем закончится' },
      atHour: { label: 'В', help: 'В часовом поясе покупателя', options: clock },
      fallbackDays: { label: 'Иначе ждать (дней после покупки)', help: 'Когда ни история покупателя, ни цикл покупки не предсказывают покупку' },
    },
    messages: {
      ...messages(['Не больше 300 символов', 'Введите число дней', 'Целое число дней', 'Не меньше 0 дней', 'Не больше 365 дней', 'Целое число часов', 'Час от 0 до 23', 'Не меньше 1 дня', 'Не больше 3650 дней']),
      'Enter the product ID or category': 'Укажите ID товара или категорию',
    },
  },
});
