// Holdout in the shops' languages: its texts, messages and the card's line, the share written as
// each language writes a percent (10% in English and Serbian, 10 % in Slovenian and Russian).
import { translated, type Say, type Summaries } from '../../shared/translate';
import { THEN } from '../../shared/words';
import type { HoldoutConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Контролна група',
    description: 'Издваја део купаца у контролну групу: од овог корака не добијају ништа, па се види колико ток доноси.',
    branches: { out: THEN.sr },
    fields: {
      percent: {
        label: 'Издвој', help: 'Овај удео купаца од овог корака не добија имејлове, бодове, купоне ни друге ефекте, али наставља кроз ток и и даље се прати, да би се измерило шта ток доноси',
      },
    },
    messages: { 'Use a whole percent': 'Унесите цео проценат', 'Hold out at least 1%': 'Издвојте бар 1%', 'Hold out at most 90%': 'Издвојте највише 90%' },
  },
  sl: {
    label: 'Kontrolna skupina',
    description: 'Del kupcev izloči v kontrolno skupino: od tu naprej ne prejmejo ničesar, zato se vidi, koliko prinese potek.',
    branches: { out: THEN.sl },
    fields: {
      percent: {
        label: 'Izloči', help: 'Ta delež kupcev od tu naprej ne prejme e-pošte, točk, kuponov ali drugih učinkov, a nadaljuje pot in se še vedno spremlja, da se izmeri, kaj potek prinese',
      },
    },
    messages: { 'Use a whole percent': 'Vpišite cel odstotek', 'Hold out at least 1%': 'Izločite vsaj 1 %', 'Hold out at most 90%': 'Izločite največ 90 %' },
  },
  ru: {
    label: 'Контрольная группа',
    description: 'Отделяет часть покупателей в контрольную группу: дальше они ничего не получают, и видно, что даёт сценарий.',
    branches: { out: THEN.ru },
    fields: {
      percent: {
        label: 'Отделить', help: 'Эта доля покупателей дальше не получает писем, баллов, купонов и других действий, но идёт по сценарию и учитывается, чтобы измерить, что даёт сценарий',
      },
    },
    messages: { 'Use a whole percent': 'Введите целый процент', 'Hold out at least 1%': 'Отделите не меньше 1 %', 'Hold out at most 90%': 'Отделите не больше 90 %' },
  },
});

const percent = (c: HoldoutConfig, say: Say) => new Intl.NumberFormat(say.locale, { style: 'percent' }).format(c.percent / 100);

export const summaries: Summaries<HoldoutConfig> = {
  en: (c, say) => `Holds out ${percent(c, say)} of customers: they get nothing from here on`,
  sr: (c, say) => `Издваја ${percent(c, say)} купаца: од овог корака не добијају ништа`,
  sl: (c, say) => `Izloči ${percent(c, say)} kupcev: od tu naprej ne prejmejo ničesar`,
  ru: (c, say) => `Отделяет ${percent(c, say)} покупателей: дальше они ничего не получают`,
};
