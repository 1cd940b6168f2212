// Alert staff in the shops' languages: its form, messages and the card's line (the email's own
// words are in wording.ts).
import { translated, type Summaries } from '../../shared/translate';
import { THEN } from '../../shared/words';
import type { AlertStaffConfig } from './definition';

type Role = AlertStaffConfig['role'];

/** The role's users as the object of "alerts …", per language. */
const WHOM: Record<'en' | 'sr' | 'sl' | 'ru', Record<Role, string>> = {
  en: { owner: 'the owners', admin: 'the admins', marketer: 'the marketers', manager: 'the managers', developer: 'the developers', viewer: 'the viewers' },
  sr: { owner: 'власнике', admin: 'администраторе', marketer: 'маркетаре', manager: 'менаџере', developer: 'програмере', viewer: 'посматраче' },
  sl: { owner: 'lastnike', admin: 'skrbnike', marketer: 'tržnike', manager: 'vodje', developer: 'razvijalce', viewer: 'bralce' },
  ru: { owner: 'владельцев', admin: 'администраторов', marketer: 'маркетологов', manager: 'менеджеров', developer: 'разработчиков', viewer: 'наблюдателей' },
};

export const translations = translated({
  'sr-Cyrl': {
    label: 'Обавести тим',
    description: 'Шаље имејл тиму продавнице о овом купцу, са поруџбином и подацима из догађаја.',
    branches: { out: THEN.sr },
    counters: { alerts: 'Упозорења', emails: 'Послато', limited: 'Преко ограничења' },
    fields: {
      to: { label: 'Коме', options: { role: 'Свим корисницима са улогом', address: 'На адресу тима' } },
      role: { label: 'Улога', options: { owner: 'Власници', admin: 'Администратори', marketer: 'Маркетари', manager: 'Менаџери', developer: 'Програмери', viewer: 'Посматрачи' } },
      address: { label: 'Адреса тима', placeholder: 'podrska@prodavnica.rs', help: 'Адреса неког корисника, или адреса са списка примаоца пробних имејлова у Подешавања > Ограничења слања' },
      note: { label: 'Напомена', help: 'Шта тим треба да уради, нпр. Позовите купца у року од једног дана' },
      perHour: { label: 'Највише упозорења на сат', help: 'Из овог тока; остала у истом сату се броје као преко ограничења и не шаљу се' },
    },
    messages: {
      'An email address is at most 254 characters': 'Имејл адреса може имати највише 254 знака',
      'Keep the note under 1,000 characters': 'Напомена може имати највише 1.000 знакова',
      'Alerts are whole numbers': 'Број упозорења мора бити цео број',
      'At least 1 alert an hour': 'Најмање 1 упозорење на сат',
      'At most 1,000 alerts an hour': 'Највише 1.000 упозорења на сат',
      'Enter an email address, such as care@yourshop.com': 'Унесите имејл адресу, нпр. care@yourshop.com',
    },
  },
  sl: {
    label: 'Obvesti ekipo',
    description: 'Pošlje e-pošto ekipi trgovine o tem kupcu, z naročilom in podatki dogodka.',
    branches: { out: THEN.sl },
    counters: { alerts: 'Opozorila', emails: 'Poslano', limited: 'Čez omejitev' },
    fields: {
      to: { label: 'Komu', options: { role: 'Vsem uporabnikom z vlogo', address: 'Na naslov ekipe' } },
      role: { label: 'Vloga', options: { owner: 'Lastniki', admin: 'Skrbniki', marketer: 'Tržniki', manager: 'Vodje', developer: 'Razvijalci', viewer: 'Bralci' } },
      address: { label: 'Naslov ekipe', placeholder: 'podpora@trgovina.si', help: 'Naslov enega od uporabnikov ali naslov s seznama prejemnikov testnih sporočil v Nastavitve > Omejitve pošiljanja' },
      note: { label: 'Opomba', help: 'Kaj naj ekipa naredi, npr. Pokličite kupca v enem dnevu' },
      perHour: { label: 'Največ opozoril na uro', help: 'Iz tega poteka; nadaljnja v isti uri se štejejo kot čez omejitev in se ne pošljejo' },
    },
    messages: {
      'An email address is at most 254 characters': 'E-poštni naslov ima lahko največ 254 znakov',
      'Keep the note under 1,000 characters': 'Opomba ima lahko največ 1.000 znakov',
      'Alerts are whole numbers': 'Število opozoril mora biti celo število',
      'At least 1 alert an hour': 'Vsaj 1 opozorilo na uro',
      'At most 1,000 alerts an hour': 'Največ 1.000 opozoril na uro',
      'Enter an email address, such as care@yourshop.com': 'Vnesite e-poštni naslov, npr. care@yourshop.com',
    },
  },
  ru: {
    label: 'Оповестить команду',
    description: 'Отправляет команде магазина письмо об этом покупателе: заказ и данные события.',
    branches: { out: THEN.ru },
    counters: { alerts: 'Оповещения', emails: 'Отправлено', limited: 'Сверх лимита' },
    fields: {
      to: { label: 'Кому', options: { role: 'Всем пользователям с ролью', address: 'На адрес команды' } },
      role: { label: 'Роль', options: { owner: 'Владельцы', admin: 'Администраторы', marketer: 'Маркетологи', manager: 'Менеджеры', developer: 'Разработчики', viewer: 'Наблюдатели' } },
      address: { label: 'Адрес команды', placeholder: 'support@magazin.ru', help: 'Адрес одного из пользователей или адрес из списка получателей тестовых писем в «Настройки > Лимиты отправки»' },
      note: { label: 'Примечание', help: 'Что сделать команде, например: позвонить покупателю в течение дня' },
      perHour: { label: 'Не больше оповещений в час', help: 'Из этого сценария; остальные за тот же час считаются сверх лимита и не отправляются' },
    },
    messages: {
      'An email address is at most 254 characters': 'Адрес email — не длиннее 254 символов',
      'Keep the note under 1,000 characters': 'Примечание — не длиннее 1000 символов',
      'Alerts are whole numbers': 'Число оповещений должно быть целым',
      'At least 1 alert an hour': 'Хотя бы 1 оповещение в час',
      'At most 1,000 alerts an hour': 'Не больше 1000 оповещений в час',
      'Enter an email address, such as care@yourshop.com': 'Введите адрес email, например care@yourshop.com',
    },
  },
});

const target = (c: AlertStaffConfig, language: keyof typeof WHOM, quote: (s: string) => string) =>
  (c.to === 'role' ? WHOM[language][c.role] : quote(c.address || '…'));

export const summaries: Summaries<AlertStaffConfig> = {
  en: (c) => `Alerts ${target(c, 'en', (s) => s)}, at most ${c.perHour} an hour`,
  sr: (c, say) => `Обавештава ${target(c, 'sr', say.quote)}, највише ${say.count(c.perHour, { one: 'пут', few: 'пута', other: 'пута' })} на сат`,
  sl: (c, say) => `Obvesti ${target(c, 'sl', say.quote)}, največ ${say.number(c.perHour)}-krat na uro`,
  ru: (c, say) => `Оповещает ${target(c, 'ru', say.quote)}, не больше ${say.count(c.perHour, { one: 'раза', few: 'раз', many: 'раз', other: 'раза' })} в час`,
};
