// A/B split in the shops' languages. The arms' names are the marketer's own words: the branches
// carry them as written, so only the form, the messages and the card's line are translated
// ("„A“ 50%, „B“ 50%", shares as each language writes a percent: 50 % in Slovenian and Russian).
import { translated, type Language, type Say, type Summaries } from '../../shared/translate';
import { QUOTE } from '../../shared/words';

export const translations = translated({
  'sr-Cyrl': {
    label: 'А/Б подела',
    description: 'Сваког купца насумично шаље у једну од неколико грана, у уделима које задате, да упоредите шта боље делује.',
    fields: {
      arms: { label: 'Гране', help: 'Сваки купац који стигне иде у једну грану, насумично у овим уделима; ако се корак понови, остаје у истој' },
      'arms.name': { label: 'Назив', placeholder: 'нпр. Са купоном' },
      'arms.weight': { label: 'Удео купаца' },
    },
    messages: {
      'Name the arm': 'Дајте грани назив', 'Keep the name to 30 characters': 'Назив може имати највише 30 знакова',
      'Use a whole percent': 'Унесите цео проценат', 'At least 1%': 'Најмање 1%', 'At most 99%': 'Највише 99%',
      'Split into at least 2 arms': 'Поделите на бар 2 гране', 'At most 10 arms': 'Највише 10 грана',
      'The shares add up to {total}%: make them 100%': 'Удели заједно чине {total}%: треба да буде 100%',
      'Give each arm a name of its own': 'Свака грана треба да има свој назив',
      'Each arm now keeps its connection when another arm is removed; the connections stay as they were': 'Свака грана сада задржава своју везу када се уклони друга грана; постојеће везе су остале какве су биле',
    },
  },
  sl: {
    label: 'A/B-razdelitev',
    description: 'Vsakega kupca naključno pošlje v eno od več vej, v deležih, ki jih določite, da primerjate, kaj deluje bolje.',
    fields: {
      arms: { label: 'Veje', help: 'Vsak kupec, ki pride sem, gre v eno vejo, naključno v teh deležih; če se korak ponovi, ostane v isti' },
      'arms.name': { label: 'Ime', placeholder: 'npr. S kuponom' },
      'arms.weight': { label: 'Delež kupcev' },
    },
    messages: {
      'Name the arm': 'Poimenujte vejo', 'Keep the name to 30 characters': 'Ime naj ima največ 30 znakov',
      'Use a whole percent': 'Vpišite cel odstotek', 'At least 1%': 'Najmanj 1 %', 'At most 99%': 'Največ 99 %',
      'Split into at least 2 arms': 'Razdelite v vsaj 2 veji', 'At most 10 arms': 'Največ 10 vej',
      'The shares add up to {total}%: make them 100%': 'Deleži skupaj dajo {total} %: skupaj naj bo 100 %',
      'Give each arm a name of its own': 'Vsaka veja naj ima svoje ime',
      'Each arm now keeps its connection when another arm is removed; the connections stay as they were': 'Vsaka veja zdaj obdrži svojo povezavo, ko odstranite drugo vejo; obstoječe povezave so ostale, kot so bile',
    },
  },
  ru: {
    label: 'A/B-сплит',
    description: 'Случайно отправляет каждого покупателя в одну из нескольких веток в заданных долях, чтобы сравнить, что работает лучше.',
    fields: {
      arms: { label: 'Ветки', help: 'Каждый покупатель, дошедший сюда, случайно попадает в одну ветку в этих долях; если шаг повторится, он останется в той же' },
      'arms.name': { label: 'Название', placeholder: 'напр. С купоном' },
      'arms.weight': { label: 'Доля покупателей' },
    },
    messages: {
      'Name the arm': 'Назовите ветку', 'Keep the name to 30 characters': 'Не длиннее 30 символов',
      'Use a whole percent': 'Введите целый процент', 'At least 1%': 'Не меньше 1 %', 'At most 99%': 'Не больше 99 %',
      'Split into at least 2 arms': 'Нужно не меньше 2 веток', 'At most 10 arms': 'Не больше 10 веток',
      'The shares add up to {total}%: make them 100%': 'Сумма долей {total} %, а должна быть 100 %',
      'Give each arm a name of its own': 'У каждой ветки должно быть своё название',
      'Each arm now keeps its connection when another arm is removed; the connections stay as they were': 'Теперь каждая ветка сохраняет свою связь, когда удаляют другую ветку; существующие связи остались как были',
    },
  },
});

/** What the card names: version 1's config and version 2's alike. */
type AbSplitConfig = { arms: readonly { name: string; weight: number }[] };

/** "„A“ 50%, „B“ 50%": each arm's name as written and its share in the reader's locale. */
const arms = (c: AbSplitConfig, say: Say, quote: (t: string) => string) => {
  const percent = new Intl.NumberFormat(say.locale, { style: 'percent' });
  return c.arms.map((a) => `${say.quote(quote(a.name))} ${percent.format(a.weight / 100)}`).join(', ');
};
const line = (language: Language, lead: string) => (c: AbSplitConfig, say: Say) => `${lead}: ${arms(c, say, QUOTE[language])}`;

export const summaries: Summaries<AbSplitConfig> = {
  en: line('en', 'Split at random'),
  sr: line('sr', 'Насумично'),
  sl: line('sl', 'Naključno'),
  ru: line('ru', 'Случайно'),
};
