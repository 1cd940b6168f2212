// The words of the gallery's own emails, per language (Serbian once, in Cyrillic: a template's
// Serbian variant is served in the customer's script). Each: name, subject, preview text,
// heading, text, button.
export type EmailKey = 'apology' | 'new-arrivals' | 'weekly-offers' | 'pre-order' | 'referral-reward' | 'win-back-reminder' | 'thank-you';
type Row = [name: string, subject: string, preheader: string, heading: string, intro: string, button: string];
export interface EmailText { name: string; subject: string; preheader: string; heading: string; intro: string; button: string }

const en: Record<EmailKey, Row> = {
  apology: ['We are sorry', 'We are sorry, {{ customer.firstName }}', 'A gift while we put it right', 'We are sorry it let you down',
    'Thank you for telling us. Someone from our team will be in touch; meanwhile, please take this code for your next order.', 'Visit the shop'],
  'new-arrivals': ['New for you', 'Just in, {{ customer.firstName }}: new in what you love', 'You hear it first', 'New in, before anyone else',
    'You bought from this range before, so you are the first to see what has just arrived.', 'See what is new'],
  'weekly-offers': ['This week\'s offers', 'This week\'s offers, {{ customer.firstName }}', 'Picked for this week', 'This week\'s offers',
    'Our best offers of the week, once a week and no more.', 'Shop the offers'],
  'pre-order': ['Pre-order invitation', 'Pre-order before launch, {{ customer.firstName }}', 'Your own code inside', 'Be the first to have it',
    'Something new is coming soon, and you can pre-order it today with your own code.', 'Pre-order now'],
  'referral-reward': ['Referral reward', 'A gift for you, {{ customer.firstName }}', 'Thank you for sharing the shop', 'A gift for you',
    'A friend and our shop met through you: here is a thank-you for your next order.', 'Use it now'],
  'win-back-reminder': ['Win-back reminder', 'Your code ends soon, {{ customer.firstName }}', 'Still yours, for a few more days', 'Your code is still waiting',
    'We would love to see you again: your code is still valid for a few more days.', 'Back to the shop'],
  'thank-you': ['Thank-you gift', 'Thank you, {{ customer.firstName }}! A gift for next time', 'Something for your next order', 'Thank you for your order',
    'We are so glad you chose us. Here is a little something for your next order.', 'Keep shopping'],
};
const sr: Record<EmailKey, Row> = {
  apology: ['Извињење', 'Жао нам је, {{ customer.firstName }}', 'Поклон док не исправимо', 'Жао нам је што сте разочарани',
    'Хвала што сте нам рекли. Неко из нашег тима ће вам се јавити; до тада, ево кода за следећу куповину.', 'Посетите продавницу'],
  'new-arrivals': ['Ново за вас', 'Стигло је, {{ customer.firstName }}: ново у ономе што волите', 'Први сазнајете', 'Ново, пре свих',
    'Већ сте куповали из ове понуде, па први видите шта је управо стигло.', 'Погледајте новитете'],
  'weekly-offers': ['Понуде недеље', 'Понуде ове недеље, {{ customer.firstName }}', 'Изабрано за ову недељу', 'Понуде ове недеље',
    'Наше најбоље понуде недеље, једном недељно и не чешће.', 'Погледајте понуде'],
  'pre-order': ['Позив за претпродају', 'Наручите пре изласка, {{ customer.firstName }}', 'Унутра је ваш код', 'Будите први који ће га имати',
    'Ускоро стиже нешто ново, а можете га наручити већ данас са својим кодом.', 'Наручите сада'],
  'referral-reward': ['Награда за препоруку', 'Поклон за вас, {{ customer.firstName }}', 'Хвала што делите нашу продавницу', 'Поклон за вас',
    'Пријатељ је преко вас упознао нашу продавницу: ево захвалнице за вашу следећу куповину.', 'Искористите га'],
  'win-back-reminder': ['Подсетник за повратак', 'Ваш код ускоро истиче, {{ customer.firstName }}', 'Још неколико дана је ваш', 'Ваш код вас још чека',
    'Радо бисмо вас поново видели: ваш код важи још неколико дана.', 'Назад у продавницу'],
  'thank-you': ['Поклон захвалности', 'Хвала, {{ customer.firstName }}! Поклон за следећи пут', 'Нешто за следећу куповину', 'Хвала на поруџбини',
    'Драго нам је што сте изабрали нас. Ево малог поклона за следећу куповину.', 'Наставите куповину'],
};
const sl: Record<EmailKey, Row> = {
  apology: ['Opravičilo', 'Žal nam je, {{ customer.firstName }}', 'Darilo, dokler ne popravimo', 'Žal nam je, da ste razočarani',
    'Hvala, da ste nam povedali. Nekdo iz naše ekipe se vam bo oglasil; do takrat vzemite to kodo za naslednje naročilo.', 'Obiščite trgovino'],
  'new-arrivals': ['Novo za vas', 'Prispelo je, {{ customer.firstName }}: novo v tem, kar imate radi', 'Izveste prvi', 'Novo, pred vsemi',
    'Iz te ponudbe ste že kupovali, zato prvi vidite, kaj je pravkar prispelo.', 'Oglejte si novosti'],
  'weekly-offers': ['Ponudbe tedna', 'Ponudbe tega tedna, {{ customer.firstName }}', 'Izbrano za ta teden', 'Ponudbe tega tedna',
    'Naše najboljše ponudbe tedna, enkrat na teden in nič pogosteje.', 'Oglejte si ponudbe'],
  'pre-order': ['Vabilo k prednaročilu', 'Prednaročite pred izidom, {{ customer.firstName }}', 'V notranjosti je vaša koda', 'Bodite prvi, ki ga imate',
    'Kmalu prihaja nekaj novega, in že danes ga lahko prednaročite s svojo kodo.', 'Prednaročite zdaj'],
  'referral-reward': ['Nagrada za priporočilo', 'Darilo za vas, {{ customer.firstName }}', 'Hvala, da delite našo trgovino', 'Darilo za vas',
    'Prijatelj je prek vas spoznal našo trgovino: tu je zahvala za vaše naslednje naročilo.', 'Uporabite ga'],
  'win-back-reminder': ['Opomnik za vrnitev', 'Vaša koda kmalu poteče, {{ customer.firstName }}', 'Še nekaj dni je vaša', 'Vaša koda vas še čaka',
    'Radi bi vas spet videli: vaša koda velja še nekaj dni.', 'Nazaj v trgovino'],
  'thank-you': ['Darilo v zahvalo', 'Hvala, {{ customer.firstName }}! Darilo za naslednjič', 'Nekaj za naslednje naročilo', 'Hvala za vaše naročilo',
    'Veseli smo, da ste izbrali nas. Tu je majhna pozornost za vaše naslednje naročilo.', 'Nakupujte naprej'],
};
const ru: Record<EmailKey, Row> = {
  apology: ['Извинение', 'Нам очень жаль, {{ customer.firstName }}', 'Подарок, пока мы всё исправляем', 'Нам жаль, что вы разочарованы',
    'Спасибо, что рассказали нам. С вами свяжется кто-то из нашей команды, а пока возьмите этот код на следующий заказ.', 'В магазин'],
  'new-arrivals': ['Новинки для вас', 'Только что поступило, {{ customer.firstName }}: новое в том, что вы любите', 'Вы узнаёте первыми', 'Новинки — раньше всех',
    'Вы уже покупали из этой линейки, поэтому первыми видите, что только что поступило.', 'Смотреть новинки'],
  'weekly-offers': ['Предложения недели', 'Предложения этой недели, {{ customer.firstName }}', 'Подобрано на эту неделю', 'Предложения этой недели',
    'Наши лучшие предложения недели — раз в неделю и не чаще.', 'Смотреть предложения'],
  'pre-order': ['Приглашение к предзаказу', 'Предзаказ до выхода, {{ customer.firstName }}', 'Внутри ваш личный код', 'Будьте первыми',
    'Скоро появится новинка, и её можно предзаказать уже сегодня с вашим личным кодом.', 'Оформить предзаказ'],
  'referral-reward': ['Награда за рекомендацию', 'Подарок для вас, {{ customer.firstName }}', 'Спасибо, что рассказали о нас', 'Подарок для вас',
    'Благодаря вам друг познакомился с нашим магазином: вот благодарность на ваш следующий заказ.', 'Воспользоваться'],
  'win-back-reminder': ['Напоминание о возвращении', 'Ваш код скоро истечёт, {{ customer.firstName }}', 'Ещё несколько дней он ваш', 'Ваш код всё ещё ждёт',
    'Мы будем рады видеть вас снова: ваш код действует ещё несколько дней.', 'Вернуться в магазин'],
  'thank-you': ['Подарок в благодарность', 'Спасибо, {{ customer.firstName }}! Подарок на следующий раз', 'Кое-что к следующему заказу', 'Спасибо за заказ',
    'Мы рады, что вы выбрали нас. Вот небольшой подарок к следующему заказу.', 'Продолжить покупки'],
};

const table = (rows: Record<EmailKey, Row>) => Object.fromEntries(Object.entries(rows).map(([key, [name, subject, preheader, heading, intro, button]]) =>
  [key, { name, subject, preheader, heading, intro, button }])) as Record<EmailKey, EmailText>;

export const EMAIL_TEXTS = { en: table(en), sr: table(sr), sl: table(sl), ru: table(ru) };
