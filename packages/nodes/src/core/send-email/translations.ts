// Send email in the shops' languages: its texts, messages and the card's line.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE, refer, THEN } from '../../shared/words';
import type { SendEmailConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Пошаљи имејл',
    description: 'Шаље персонализовани имејл направљен у MJML-у.',
    branches: { out: THEN.sr },
    counters: { emails: 'Послато', opens: 'Отворено', clicks: 'Кликнуто', bounces: 'Враћено', hard_bounces: 'Тврдо одбијено', soft_bounces: 'Меко одбијено', unsubscribes: 'Одјављено', suppressed: 'Блокирано' },
    fields: {
      templateId: { label: 'Шаблон', help: 'Сачувани шаблон са странице Шаблони, или напишите имејл овде' },
      subject: { label: 'Наслов', help: 'И овде раде поља за персонализацију, нпр. {{ customer.firstName }}' },
      preheader: { label: 'Текст прегледа', help: 'Приказује се после наслова у већини поштанских сандучића' },
      body: { label: 'Садржај (MJML)', help: 'MJML са пољима за персонализацију: {{ customer.firstName }}, {% for item in order.items %}…' },
      kind: { label: 'Врста', options: { marketing: 'Маркетиншки (поштује одјаве)', transactional: 'Трансакциони' } },
      topic: {
        label: 'Тема', help: 'Купци који су ову тему искључили на страници подешавања пријема се прескачу',
        options: { '': 'Без теме (сви пријављени купци)', offers: 'Понуде и акције', new_products: 'Нови производи', reviews: 'Молбе за рецензију', loyalty: 'Бодови и награде' },
      },
      whenCapped: { label: 'Ако је достигнуто ограничење учесталости', options: { skip: 'Прескочи овај имејл', hold: 'Задржи га док купац не буде могао да га прими' } },
    },
    messages: {
      'Write a subject line': 'Напишите наслов',
      'Keep the subject under 200 characters': 'Наслов може имати највише 200 знакова',
      'Subject must be a single line': 'Наслов мора бити у једном реду',
      'Write the email body': 'Напишите садржај имејла',
      'Template {id} cannot be checked here': 'Шаблон {id} овде не може да се провери',
      'The template no longer exists: choose another': 'Шаблон више не постоји: изаберите други',
    },
  },
  sl: {
    label: 'Pošlji e-pošto',
    description: 'Pošlje prilagojeno e-poštno sporočilo, sestavljeno v MJML.',
    branches: { out: THEN.sl },
    counters: { emails: 'Poslano', opens: 'Odprto', clicks: 'Kliknjeno', bounces: 'Zavrnjeno', hard_bounces: 'Trde zavrnitve', soft_bounces: 'Mehke zavrnitve', unsubscribes: 'Odjavljeno', suppressed: 'Blokirano' },
    fields: {
      templateId: { label: 'Predloga', help: 'Shranjena predloga s strani Predloge ali pa sporočilo napišite tukaj' },
      subject: { label: 'Zadeva', help: 'Tudi tukaj delujejo polja za personalizacijo, npr. {{ customer.firstName }}' },
      preheader: { label: 'Besedilo predogleda', help: 'V večini poštnih predalov je prikazano za zadevo' },
      body: { label: 'Vsebina (MJML)', help: 'MJML s polji za personalizacijo: {{ customer.firstName }}, {% for item in order.items %}…' },
      kind: { label: 'Vrsta', options: { marketing: 'Trženjsko (upošteva odjave)', transactional: 'Transakcijsko' } },
      topic: {
        label: 'Tema', help: 'Kupci, ki so to temo izklopili na strani z nastavitvami prejemanja, so preskočeni',
        options: { '': 'Brez teme (vsi prijavljeni kupci)', offers: 'Ponudbe in akcije', new_products: 'Novi izdelki', reviews: 'Prošnje za mnenje', loyalty: 'Točke in nagrade' },
      },
      whenCapped: { label: 'Če je dosežena omejitev pogostosti', options: { skip: 'Preskoči to sporočilo', hold: 'Zadrži ga, dokler ga kupec ne more prejeti' } },
    },
    messages: {
      'Write a subject line': 'Napišite zadevo',
      'Keep the subject under 200 characters': 'Zadeva ima lahko največ 200 znakov',
      'Subject must be a single line': 'Zadeva mora biti v eni vrstici',
      'Write the email body': 'Napišite vsebino sporočila',
      'Template {id} cannot be checked here': 'Predloge {id} tukaj ni mogoče preveriti',
      'The template no longer exists: choose another': 'Predloga ne obstaja več: izberite drugo',
    },
  },
  ru: {
    label: 'Отправить письмо',
    description: 'Отправляет персональное письмо, свёрстанное в MJML, с полями подстановки.',
    branches: { out: THEN.ru },
    counters: { emails: 'Отправлено', opens: 'Открыто', clicks: 'Переходы', bounces: 'Недоставлено', hard_bounces: 'Жёсткие отказы', soft_bounces: 'Мягкие отказы', unsubscribes: 'Отписки', suppressed: 'Заблокировано' },
    fields: {
      templateId: { label: 'Шаблон', help: 'Сохранённый шаблон со страницы «Шаблоны» или письмо, написанное здесь' },
      subject: { label: 'Тема письма', help: 'Поля подстановки работают и здесь, например {{ customer.firstName }}' },
      preheader: { label: 'Прехедер', help: 'Показывается после темы в большинстве почтовых клиентов' },
      body: { label: 'Текст (MJML)', help: 'MJML с полями подстановки: {{ customer.firstName }}, {% for item in order.items %}…' },
      kind: { label: 'Тип', options: { marketing: 'Маркетинговое (учитывает отписки)', transactional: 'Транзакционное' } },
      topic: {
        label: 'Рубрика', help: 'Покупатели, отключившие эту рубрику на странице настроек рассылки, пропускаются',
        options: { '': 'Без рубрики (все подписанные покупатели)', offers: 'Предложения и акции', new_products: 'Новинки', reviews: 'Просьбы об отзыве', loyalty: 'Баллы и награды' },
      },
      whenCapped: { label: 'Если достигнуто ограничение частоты', options: { skip: 'Пропустить это письмо', hold: 'Отложить, пока покупатель не сможет его получить' } },
    },
    messages: {
      'Write a subject line': 'Напишите тему письма',
      'Keep the subject under 200 characters': 'Тема — не больше 200 символов',
      'Subject must be a single line': 'Тема должна быть в одну строку',
      'Write the email body': 'Напишите текст письма',
      'Template {id} cannot be checked here': 'Шаблон {id} нельзя проверить здесь',
      'The template no longer exists: choose another': 'Шаблона больше нет: выберите другой',
    },
  },
});

// A saved template by its name (its subject lives in the template); an email written here by its
// subject, merge fields in words.
export const summaries: Summaries<SendEmailConfig> = {
  en: (c, say) => (c.templateId ? refer(say.name('template', c.templateId), {
    named: (n) => `Template ${QUOTE.en(n)}`, deleted: 'A deleted template: choose another', unknown: 'Sends a saved template',
  }) : QUOTE.en(say.quote(c.subject))),
  sr: (c, say) => (c.templateId ? refer(say.name('template', c.templateId), {
    named: (n) => `Шаблон ${QUOTE.sr(n)}`, deleted: 'Обрисани шаблон: изаберите други', unknown: 'Шаље сачувани шаблон',
  }) : QUOTE.sr(say.quote(c.subject))),
  sl: (c, say) => (c.templateId ? refer(say.name('template', c.templateId), {
    named: (n) => `Predloga ${QUOTE.sl(n)}`, deleted: 'Izbrisana predloga: izberite drugo', unknown: 'Pošlje shranjeno predlogo',
  }) : QUOTE.sl(say.quote(c.subject))),
  ru: (c, say) => (c.templateId ? refer(say.name('template', c.templateId), {
    named: (n) => `Шаблон ${QUOTE.ru(n)}`, deleted: 'Удалённый шаблон: выберите другой', unknown: 'Отправляет сохранённый шаблон',
  }) : QUOTE.ru(say.quote(c.subject))),
};
