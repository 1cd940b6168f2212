// Issue coupon in the shops' languages: its texts, messages and the card's line (what the coupon
// gives, in the reader's number format, and how long it is valid).
import { translated, type Say, type Summaries } from '../../shared/translate';
import { THEN } from '../../shared/words';
import type { IssueCouponConfig } from './definition';
import { describeCoupon } from './describe';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Издај купон',
    description: 'Даје купцу јединствени код за попуст; каснији имејлови га приказују као {{ coupon.code }}.',
    branches: { out: THEN.sr },
    counters: { issued: 'Издато', redeemed: 'Искоришћено' },
    fields: {
      kind: { label: 'Попуст', options: { percent: 'Проценат попуста', fixed: 'Фиксни износ попуста', free_shipping: 'Бесплатна достава' } },
      value: { label: 'Вредност', help: 'Проценат попуста или износ попуста у валути ваше продавнице' },
      prefix: { label: 'Префикс кода', help: 'Стоји испред насумичног дела, нпр. WINBACK → WINBACK-7KQ2M9XH4TPA' },
      validDays: { label: 'Важи (дана)' },
      minOrderTotal: { label: 'Најмањи износ поруџбине', help: '0: било која поруџбина' },
      description: { label: 'Опис', help: 'У имејловима као {{ coupon.description }}; празно: написаћемо га уместо вас, нпр. „10% попуста на следећу поруџбину“' },
    },
    messages: {
      'Enter the discount as a number': 'Унесите попуст као број',
      'The discount must be more than 0': 'Попуст мора бити већи од 0',
      'Keep the prefix to 12 characters': 'Префикс може имати највише 12 знакова',
      'The prefix may hold only letters and digits': 'Префикс може садржати само слова и цифре',
      'Use whole days': 'Унесите цео број дана',
      'Valid for at least 1 day': 'Мора да важи најмање 1 дан',
      'At most 730 days': 'Највише 730 дана',
      'The minimum order must not be negative': 'Најмањи износ поруџбине не може бити негативан',
      'Keep the description under 200 characters': 'Опис може имати највише 200 знакова',
      'The description must be a single line': 'Опис мора бити у једном реду',
      'A percent discount is at most 100': 'Процентуални попуст је највише 100',
    },
  },
  sl: {
    label: 'Izdaj kupon',
    description: 'Kupcu da edinstveno kodo za popust; poznejša e-poštna sporočila jo prikažejo kot {{ coupon.code }}.',
    branches: { out: THEN.sl },
    counters: { issued: 'Izdani', redeemed: 'Unovčeni' },
    fields: {
      kind: { label: 'Popust', options: { percent: 'Odstotni popust', fixed: 'Popust v znesku', free_shipping: 'Brezplačna dostava' } },
      value: { label: 'Vrednost', help: 'Odstotek popusta ali znesek popusta v valuti vaše trgovine' },
      prefix: { label: 'Predpona kode', help: 'Stoji pred naključnim delom, npr. WINBACK → WINBACK-7KQ2M9XH4TPA' },
      validDays: { label: 'Velja (dni)' },
      minOrderTotal: { label: 'Najmanjša vrednost naročila', help: '0: katerokoli naročilo' },
      description: { label: 'Opis', help: 'V e-poštnih sporočilih kot {{ coupon.description }}; prazno: napišemo ga namesto vas, npr. „10 % popusta pri naslednjem naročilu“' },
    },
    messages: {
      'Enter the discount as a number': 'Vpišite popust kot število',
      'The discount must be more than 0': 'Popust mora biti večji od 0',
      'Keep the prefix to 12 characters': 'Predpona ima lahko največ 12 znakov',
      'The prefix may hold only letters and digits': 'Predpona lahko vsebuje le črke in števke',
      'Use whole days': 'Vpišite celo število dni',
      'Valid for at least 1 day': 'Veljati mora vsaj 1 dan',
      'At most 730 days': 'Največ 730 dni',
      'The minimum order must not be negative': 'Najmanjša vrednost naročila ne sme biti negativna',
      'Keep the description under 200 characters': 'Opis ima lahko največ 200 znakov',
      'The description must be a single line': 'Opis mora biti v eni vrstici',
      'A percent discount is at most 100': 'Odstotni popust je največ 100',
    },
  },
  ru: {
    label: 'Выдать купон',
    description: 'Выдаёт покупателю уникальный код скидки; следующие письма показывают его как {{ coupon.code }}.',
    branches: { out: THEN.ru },
    counters: { issued: 'Выдано', redeemed: 'Использовано' },
    fields: {
      kind: { label: 'Скидка', options: { percent: 'Скидка в процентах', fixed: 'Скидка на сумму', free_shipping: 'Бесплатная доставка' } },
      value: { label: 'Размер', help: 'Процент скидки или сумма скидки в валюте вашего магазина' },
      prefix: { label: 'Префикс кода', help: 'Ставится перед случайной частью, например WINBACK → WINBACK-7KQ2M9XH4TPA' },
      validDays: { label: 'Действует (дней)' },
      minOrderTotal: { label: 'Минимальная сумма заказа', help: '0: любой заказ' },
      description: { label: 'Описание', help: 'В письмах как {{ coupon.description }}; пусто: напишем за вас, например «Скидка 10 % на следующий заказ»' },
    },
    messages: {
      'Enter the discount as a number': 'Введите скидку числом',
      'The discount must be more than 0': 'Скидка должна быть больше 0',
      'Keep the prefix to 12 characters': 'Префикс — не больше 12 символов',
      'The prefix may hold only letters and digits': 'Префикс может содержать только буквы и цифры',
      'Use whole days': 'Введите целое число дней',
      'Valid for at least 1 day': 'Купон должен действовать хотя бы 1 день',
      'At most 730 days': 'Не больше 730 дней',
      'The minimum order must not be negative': 'Минимальная сумма заказа не может быть отрицательной',
      'Keep the description under 200 characters': 'Описание — не больше 200 символов',
      'The description must be a single line': 'Описание должно быть в одну строку',
      'A percent discount is at most 100': 'Скидка в процентах — не больше 100',
    },
  },
});

type Language = 'sr' | 'sl' | 'ru';

/** What the coupon gives, per language: the discount's words, the minimum order's, the validity's. */
const WORDS: Record<Language, { off(v: string): string; free: string; min(v: string): string; valid(days: string): string; day: Parameters<Say['count']>[1] }> = {
  sr: { off: (v) => `${v} попуста на следећу поруџбину`, free: 'Бесплатна достава за следећу поруџбину', min: (v) => ` од најмање ${v}`,
    valid: (d) => `важи ${d}`, day: { one: 'дан', few: 'дана', other: 'дана' } },
  sl: { off: (v) => `${v} popusta pri naslednjem naročilu`, free: 'Brezplačna dostava pri naslednjem naročilu', min: (v) => ` v vrednosti vsaj ${v}`,
    valid: (d) => `velja ${d}`, day: { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' } },
  ru: { off: (v) => `Скидка ${v} на следующий заказ`, free: 'Бесплатная доставка следующего заказа', min: (v) => ` от ${v}`,
    valid: (d) => `действует ${d}`, day: { one: 'день', few: 'дня', many: 'дней', other: 'дня' } },
};

function line(language: Language) {
  return (c: IssueCouponConfig, say: Say) => {
    const w = WORDS[language];
    const percent = new Intl.NumberFormat(say.locale, { style: 'percent', maximumFractionDigits: 2 });
    const money = (n: number) => new Intl.NumberFormat(say.locale, { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(n) ? 0 : 2 }).format(n);
    const what = c.kind === 'free_shipping' ? w.free : w.off(c.kind === 'percent' ? percent.format(c.value / 100) : money(c.value));
    const gives = c.description ? say.quote(c.description) : what + (c.minOrderTotal > 0 ? w.min(money(c.minOrderTotal)) : '');
    return `${gives} · ${w.valid(say.count(c.validDays, w.day))}`;
  };
}

export const summaries: Summaries<IssueCouponConfig> = {
  en: (c, say) => `${c.description ? say.quote(c.description) : describeCoupon(c)} · valid ${c.validDays} day${c.validDays === 1 ? '' : 's'}`,
  sr: line('sr'), sl: line('sl'), ru: line('ru'),
};
