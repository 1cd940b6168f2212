// Grant loyalty points in the shops' languages: its texts, messages and the card's line.
import { translated, type Summaries } from '../../shared/translate';
import { THEN } from '../../shared/words';
import type { GrantPointsConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Додели бодове лојалности',
    description: 'Додаје бодове на купчево стање у програму лојалности.',
    branches: { out: THEN.sr },
    counters: { points: 'Додељено бодова' },
    fields: { amount: { label: 'Бодови' }, reason: { label: 'Разлог', help: 'Приказује се у историји бодова' } },
    messages: {
      'Points are whole numbers': 'Бодови су цели бројеви',
      'Grant at least 1 point': 'Доделите најмање 1 бод',
      'At most 1,000,000 points': 'Највише 1.000.000 бодова',
      'Say why, the customer sees it in their points history': 'Наведите разлог, купац га види у историји бодова',
    },
  },
  sl: {
    label: 'Dodeli točke zvestobe',
    description: 'Doda točke na kupčevo stanje v programu zvestobe.',
    branches: { out: THEN.sl },
    counters: { points: 'Dodeljene točke' },
    fields: { amount: { label: 'Točke' }, reason: { label: 'Razlog', help: 'Prikazan v zgodovini točk' } },
    messages: {
      'Points are whole numbers': 'Točke so cela števila',
      'Grant at least 1 point': 'Dodelite vsaj 1 točko',
      'At most 1,000,000 points': 'Največ 1.000.000 točk',
      'Say why, the customer sees it in their points history': 'Navedite razlog, kupec ga vidi v zgodovini točk',
    },
  },
  ru: {
    label: 'Начислить баллы',
    description: 'Начисляет баллы на бонусный счёт покупателя в программе лояльности.',
    branches: { out: THEN.ru },
    counters: { points: 'Начислено баллов' },
    fields: { amount: { label: 'Баллы' }, reason: { label: 'Причина', help: 'Видна в истории баллов' } },
    messages: {
      'Points are whole numbers': 'Баллы — целые числа',
      'Grant at least 1 point': 'Начислите хотя бы 1 балл',
      'At most 1,000,000 points': 'Не больше 1 000 000 баллов',
      'Say why, the customer sees it in their points history': 'Укажите причину: покупатель увидит её в истории баллов',
    },
  },
});

export const summaries: Summaries<GrantPointsConfig> = {
  en: (c, say) => `+${c.amount} points: ${say.quote(c.reason)}`,
  sr: (c, say) => `+${say.count(c.amount, { one: 'бод', few: 'бода', other: 'бодова' })}: ${say.quote(c.reason)}`,
  sl: (c, say) => `+${say.count(c.amount, { one: 'točka', two: 'točki', few: 'točke', other: 'točk' })}: ${say.quote(c.reason)}`,
  ru: (c, say) => `+${say.count(c.amount, { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' })}: ${say.quote(c.reason)}`,
};
