// What the gallery says about each journey, per language (Serbian once, in Cyrillic; Latin is
// transliterated): its title, what it does, and the playbook's reasoning in one line.
export type GalleryKey =
  | 'blank' | 'order-confirmation' | 'review-request' | 'negative-review-rescue' | 'replenishment' | 'birthday' | 'cross-sell'
  | 'interest-segment' | 'weekly-promotion' | 'satisfaction-survey' | 'pre-order' | 'loyalty-tier' | 'referral' | 'win-back' | 'thank-you';
type Row = [title: string, does: string, why: string];
export interface EntryText { title: string; does: string; why: string }

const en: Record<GalleryKey, Row> = {
  blank: ['Blank journey', 'A trigger and nothing else: draw your own.', 'Start from scratch when no template fits.'],
  'order-confirmation': ['Order confirmation and shipping notice', 'Confirms each order with what was bought, then tells the customer when it ships, with the tracking link.', 'The excitement of buying carries on when every step of the order is told warmly.'],
  'review-request': ['Review request', 'Asks for a review of the items bought, at 10:00 on a day 7 to 15 days after delivery; once per order.', 'Give them time to use the product: most purchase decisions depend on reviews.'],
  'negative-review-rescue': ['Negative review rescue', 'A review of 1 or 2 stars alerts your team with the customer\'s words, and sends an apology with a 20% coupon.', 'Unhappy customers speak loudest; good support brings most of them back.'],
  replenishment: ['Replenishment reminder', 'Reminds the customer a week before they usually buy the same products again (60 days when there is no history yet).', 'Every product has its buying cycle; each customer\'s own is the best guide.'],
  birthday: ['Birthday gift', 'On the customer\'s birthday at 09:00 in their time zone: a greeting with a 15% coupon valid for two weeks.', 'A personal date is the most welcome reason to write.'],
  'cross-sell': ['Cross-sell and accessories', 'A week after an order, suggests what other customers bought together with it.', 'What others bought together picks the offer better than guessing.'],
  'interest-segment': ['Interest segment: new arrivals', 'When a customer enters a segment of an interest (e.g. bought football kit), tells them first about what is new there.', 'Fans want to hear first: tell them before anyone else.'],
  'weekly-promotion': ['Weekly promotion', 'Every Monday at 10:00, the week\'s offers to everyone who has bought; skipped for anyone over the frequency cap.', 'Once a week is enough: more often wears out the list.'],
  'satisfaction-survey': ['Satisfaction survey', 'Asks how they like their order, 14 to 21 days after delivery at 10:00.', 'Answers build a base of experiences to improve what you sell.'],
  'pre-order': ['Pre-order invitation', 'Sends a segment a unique 10% code to pre-order something coming soon.', 'Your best buyers are the first to want what is next.'],
  'loyalty-tier': ['Loyalty tier upgrade', 'When a customer reaches a higher tier, tells them their balance, status and rewards.', 'The best customers bring the most revenue: make them feel it.'],
  referral: ['Referral reward', 'When a friend\'s referred order completes, both the customer and the friend get a 15% coupon.', 'Rewarding both sides turns happy customers into your best channel.'],
  'win-back': ['Win-back', 'After 60 days without an order: a 20% coupon, and a reminder a week later unless they ordered.', 'Keeping a customer costs far less than winning a new one.'],
  'thank-you': ['Thank-you with a gift', 'Right after an order: thanks and a 10% coupon for the next one.', 'Gratitude right after buying turns one order into the next.'],
};
const sr: Record<GalleryKey, Row> = {
  blank: ['Празан ток', 'Само окидач: нацртајте свој ток.', 'Почните од нуле кад ниједан шаблон не одговара.'],
  'order-confirmation': ['Потврда поруџбине и обавештење о слању', 'Потврђује сваку поруџбину са купљеним артиклима, па јавља кад је послата, са линком за праћење.', 'Узбуђење куповине траје кад је сваки корак поруџбине топло испричан.'],
  'review-request': ['Молба за рецензију', 'Тражи рецензију купљених артикала у 10:00, 7 до 15 дана после доставе; једном по поруџбини.', 'Дајте им времена да користе производ: већина одлука о куповини зависи од рецензија.'],
  'negative-review-rescue': ['Спасавање после лоше рецензије', 'Рецензија са 1 или 2 звездице обавештава ваш тим речима купца и шаље извињење са купоном од 20%.', 'Незадовољни купци се највише чују; добра подршка враћа већину њих.'],
  replenishment: ['Подсетник за допуну', 'Подсећа купца недељу дана пре него што обично поново купује исте производе (60 дана кад нема историје).', 'Сваки производ има свој циклус куповине; најбољи водич је циклус самог купца.'],
  birthday: ['Рођендански поклон', 'На рођендан купца у 09:00 по његовом времену: честитка са купоном од 15% који важи две недеље.', 'Лични датум је најдражи повод да се јавите.'],
  'cross-sell': ['Унакрсна продаја и додаци', 'Недељу дана после поруџбине предлаже шта су други купци куповали уз то.', 'Оно што су други куповали заједно бира понуду боље од нагађања.'],
  'interest-segment': ['Сегмент интересовања: новитети', 'Кад купац уђе у сегмент интересовања (нпр. купио фудбалску опрему), први сазнаје шта је ново.', 'Навијачи желе да сазнају први: реците им пре свих.'],
  'weekly-promotion': ['Недељна промоција', 'Сваког понедељка у 10:00 понуде недеље свима који су куповали; прескаче се за оне преко ограничења учесталости.', 'Једном недељно је довољно: чешће замара листу.'],
  'satisfaction-survey': ['Анкета о задовољству', 'Пита како им се допада поруџбина, 14 до 21 дан после доставе у 10:00.', 'Одговори граде базу искустава за бољу понуду.'],
  'pre-order': ['Позив за претпродају', 'Шаље сегменту јединствени код од 10% за претпродају нечег што ускоро стиже.', 'Најбољи купци први желе оно што следи.'],
  'loyalty-tier': ['Виши ниво лојалности', 'Кад купац достигне виши ниво, јавља му стање бодова, статус и награде.', 'Најбољи купци доносе највише прихода: нека то осете.'],
  referral: ['Награда за препоруку', 'Кад се заврши поруџбина пријатеља кога је купац препоручио, обоје добијају купон од 15%.', 'Награда за обе стране претвара задовољне купце у најбољи канал.'],
  'win-back': ['Повратак купаца', 'После 60 дана без поруџбине: купон од 20%, и подсетник недељу дана касније ако нису наручили.', 'Задржати купца кошта много мање него придобити новог.'],
  'thank-you': ['Захвалница са поклоном', 'Одмах после поруџбине: захвалност и купон од 10% за следећу.', 'Захвалност одмах после куповине од једне поруџбине прави следећу.'],
};
const sl: Record<GalleryKey, Row> = {
  blank: ['Prazen potek', 'Samo sprožilec: narišite svoj potek.', 'Začnite iz nič, ko nobena predloga ne ustreza.'],
  'order-confirmation': ['Potrditev naročila in obvestilo o pošiljanju', 'Potrdi vsako naročilo s kupljenimi izdelki, nato sporoči, ko je odposlano, s povezavo za sledenje.', 'Navdušenje ob nakupu traja, ko je vsak korak naročila toplo predstavljen.'],
  'review-request': ['Prošnja za oceno', 'Prosi za oceno kupljenih izdelkov ob 10:00, 7 do 15 dni po dostavi; enkrat na naročilo.', 'Dajte jim čas za uporabo izdelka: večina nakupnih odločitev je odvisna od ocen.'],
  'negative-review-rescue': ['Reševanje slabe ocene', 'Ocena z 1 ali 2 zvezdicama obvesti vašo ekipo z besedami kupca in pošlje opravičilo s 20-odstotnim kuponom.', 'Nezadovoljni kupci so najglasnejši; dobra podpora večino vrne.'],
  replenishment: ['Opomnik za ponovni nakup', 'Kupca opomni teden dni preden običajno znova kupi iste izdelke (60 dni, ko zgodovine še ni).', 'Vsak izdelek ima svoj nakupni cikel; najboljše vodilo je kupčev lasten.'],
  birthday: ['Rojstnodnevno darilo', 'Na kupčev rojstni dan ob 09:00 po njegovem času: voščilo s 15-odstotnim kuponom, ki velja dva tedna.', 'Oseben datum je najbolj dobrodošel razlog, da se oglasite.'],
  'cross-sell': ['Navzkrižna prodaja in dodatki', 'Teden dni po naročilu predlaga, kaj so drugi kupci kupili skupaj z njim.', 'Kar so drugi kupili skupaj, izbere ponudbo bolje kot ugibanje.'],
  'interest-segment': ['Segment zanimanja: novosti', 'Ko kupec vstopi v segment zanimanja (npr. kupil nogometno opremo), prvi izve, kaj je novega.', 'Navijači želijo izvedeti prvi: povejte jim pred vsemi.'],
  'weekly-promotion': ['Tedenska promocija', 'Vsak ponedeljek ob 10:00 ponudbe tedna vsem, ki so že kupili; preskočeno za tiste nad omejitvijo pogostosti.', 'Enkrat na teden je dovolj: pogosteje izčrpa seznam.'],
  'satisfaction-survey': ['Anketa o zadovoljstvu', 'Vpraša, kako jim je všeč naročilo, 14 do 21 dni po dostavi ob 10:00.', 'Odgovori gradijo bazo izkušenj za boljšo ponudbo.'],
  'pre-order': ['Vabilo k prednaročilu', 'Segmentu pošlje edinstveno 10-odstotno kodo za prednaročilo nečesa, kar kmalu prihaja.', 'Najboljši kupci prvi želijo tisto, kar sledi.'],
  'loyalty-tier': ['Višja raven zvestobe', 'Ko kupec doseže višjo raven, mu sporoči stanje točk, status in nagrade.', 'Najboljši kupci prinesejo največ prihodka: naj to občutijo.'],
  referral: ['Nagrada za priporočilo', 'Ko se zaključi naročilo priporočenega prijatelja, oba dobita 15-odstotni kupon.', 'Nagrada za obe strani spremeni zadovoljne kupce v najboljši kanal.'],
  'win-back': ['Vrnitev kupcev', 'Po 60 dneh brez naročila: 20-odstotni kupon in opomnik teden dni pozneje, če niso naročili.', 'Obdržati kupca stane veliko manj kot pridobiti novega.'],
  'thank-you': ['Zahvala z darilom', 'Takoj po naročilu: zahvala in 10-odstotni kupon za naslednje.', 'Hvaležnost takoj po nakupu iz enega naročila naredi naslednje.'],
};
const ru: Record<GalleryKey, Row> = {
  blank: ['Пустой сценарий', 'Только триггер: нарисуйте свой сценарий.', 'Начните с нуля, если ни один шаблон не подходит.'],
  'order-confirmation': ['Подтверждение заказа и уведомление об отправке', 'Подтверждает каждый заказ с купленными товарами, затем сообщает об отправке со ссылкой для отслеживания.', 'Радость покупки длится, когда о каждом шаге заказа рассказано тепло.'],
  'review-request': ['Просьба об отзыве', 'Просит отзыв о купленных товарах в 10:00, через 7–15 дней после доставки; один раз на заказ.', 'Дайте время попользоваться товаром: большинство решений о покупке зависят от отзывов.'],
  'negative-review-rescue': ['Спасение после плохого отзыва', 'Отзыв на 1 или 2 звезды оповещает вашу команду словами покупателя и отправляет извинение с купоном на 20%.', 'Недовольные покупатели громче всех; хорошая поддержка возвращает большинство.'],
  replenishment: ['Напоминание о пополнении', 'Напоминает покупателю за неделю до того, как он обычно снова покупает те же товары (60 дней, если истории ещё нет).', 'У каждого товара свой цикл покупки; лучший ориентир — цикл самого покупателя.'],
  birthday: ['Подарок на день рождения', 'В день рождения в 09:00 по времени покупателя: поздравление с купоном на 15% на две недели.', 'Личная дата — самый приятный повод написать.'],
  'cross-sell': ['Кросс-продажи и аксессуары', 'Через неделю после заказа предлагает то, что другие покупатели брали вместе с ним.', 'То, что другие покупали вместе, подбирает предложение лучше догадок.'],
  'interest-segment': ['Сегмент интересов: новинки', 'Когда покупатель попадает в сегмент интереса (например, купил футбольную форму), он первым узнаёт о новинках.', 'Фанаты хотят узнавать первыми: расскажите им раньше всех.'],
  'weekly-promotion': ['Еженедельная акция', 'Каждый понедельник в 10:00 — предложения недели всем, кто покупал; пропускается для тех, кто превысил лимит частоты.', 'Раз в неделю достаточно: чаще — утомляет подписчиков.'],
  'satisfaction-survey': ['Опрос удовлетворённости', 'Спрашивает, как им заказ, через 14–21 день после доставки в 10:00.', 'Ответы складываются в базу опыта, чтобы улучшать товары.'],
  'pre-order': ['Приглашение к предзаказу', 'Отправляет сегменту уникальный код на 10% для предзаказа скорой новинки.', 'Лучшие покупатели первыми хотят то, что будет дальше.'],
  'loyalty-tier': ['Новый уровень лояльности', 'Когда покупатель достигает более высокого уровня, сообщает баланс баллов, статус и награды.', 'Лучшие покупатели приносят больше всего выручки: пусть они это почувствуют.'],
  referral: ['Награда за рекомендацию', 'Когда заказ приглашённого друга завершён, и покупатель, и друг получают купон на 15%.', 'Награда обеим сторонам превращает довольных покупателей в лучший канал.'],
  'win-back': ['Возврат покупателей', 'После 60 дней без заказов — купон на 20% и напоминание через неделю, если заказа не было.', 'Удержать покупателя гораздо дешевле, чем привлечь нового.'],
  'thank-you': ['Благодарность с подарком', 'Сразу после заказа — благодарность и купон на 10% на следующий.', 'Благодарность сразу после покупки превращает один заказ в следующий.'],
};

const table = (rows: Record<GalleryKey, Row>) => Object.fromEntries(Object.entries(rows).map(([key, [title, does, why]]) =>
  [key, { title, does, why }])) as Record<GalleryKey, EntryText>;

export const ENTRY_TEXTS = { en: table(en), sr: table(sr), sl: table(sl), ru: table(ru) };
