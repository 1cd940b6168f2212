// Go to in the shops' languages. The card says where it leads and how often: "Back to “Send
// email”, at most 3 times", the step named as the canvas names it (its label, in the reader's
// language, kept as given), the count in each language's plural forms.
import { translated, type Summaries } from '../../shared/translate';
import { QUOTE } from '../../shared/words';
import type { GoToConfig } from './definition';

export const translations = translated({
  'sr-Cyrl': {
    label: 'Иди на корак',
    description: 'Враћа купца на неки ранији корак (повежите „Поново“ с њим), ограничен број пута по проласку кроз ток.',
    branches: { again: 'Поново', limit: 'Достигнуто ограничење' },
    fields: {
      times: {
        label: 'Колико пута вратити',
        help: 'По проласку купца кроз ток. Сваки пут се корак на који води „Поново“ и они после њега изводе још једном; после тога купац наставља путем „Достигнуто ограничење“, или излази из тока ако та грана није повезана',
      },
    },
    messages: {
      'Enter how many times': 'Унесите колико пута', 'Use a whole number': 'Унесите цео број',
      'Go back at least once': 'Вратите бар једном', 'Go back at most 100 times': 'Вратите највише 100 пута',
    },
  },
  sl: {
    label: 'Pojdi na korak',
    description: 'Kupca vrne na enega od prejšnjih korakov (povežite „Znova“ z njim), omejeno število krat na prehod poteka.',
    branches: { again: 'Znova', limit: 'Omejitev dosežena' },
    fields: {
      times: {
        label: 'Kolikokrat vrniti',
        help: 'Na kupčev prehod poteka. Vsakič se korak, na katerega vodi „Znova“, in tisti za njim izvedejo še enkrat; potem kupec nadaljuje po »Omejitev dosežena« ali zapusti potek, če ta veja ni povezana',
      },
    },
    messages: {
      'Enter how many times': 'Vpišite, kolikokrat', 'Use a whole number': 'Vpišite celo število',
      'Go back at least once': 'Vrnite vsaj enkrat', 'Go back at most 100 times': 'Vrnite največ 100-krat',
    },
  },
  ru: {
    label: 'Перейти к шагу',
    description: 'Возвращает покупателя к одному из предыдущих шагов (соедините с ним «Снова»), ограниченное число раз за прохождение.',
    branches: { again: 'Снова', limit: 'Лимит исчерпан' },
    fields: {
      times: {
        label: 'Сколько раз возвращать',
        help: 'За одно прохождение сценария покупателем. Каждый раз шаг, к которому ведёт «Снова», и следующие за ним выполняются ещё раз; затем покупатель идёт по ветке «Лимит исчерпан» или выходит из сценария, если она не подключена',
      },
    },
    messages: {
      'Enter how many times': 'Укажите, сколько раз', 'Use a whole number': 'Введите целое число',
      'Go back at least once': 'Возвращайте хотя бы один раз', 'Go back at most 100 times': 'Возвращайте не больше 100 раз',
    },
  },
});

type Line = GoToConfig & { target: string | null };

export const summaries: Summaries<Line> = {
  en: (c, say) => `${c.target ? `Back to ${QUOTE.en(say.quote(c.target))}` : 'Connect “Again” to an earlier step'}, at most ${say.count(c.times, { one: 'time', other: 'times' })}`,
  sr: (c, say) => `${c.target ? `Назад на ${QUOTE.sr(say.quote(c.target))}` : 'Повежите „Поново“ с ранијим кораком'}, највише ${say.count(c.times, { one: 'пут', few: 'пута', other: 'пута' })}`,
  sl: (c, say) => `${c.target ? `Nazaj na ${QUOTE.sl(say.quote(c.target))}` : 'Povežite „Znova“ s prejšnjim korakom'}, največ ${say.number(c.times)}-krat`,
  ru: (c, say) => `${c.target ? `Назад к шагу ${QUOTE.ru(say.quote(c.target))}` : 'Соедините «Снова» с одним из предыдущих шагов'}, не больше ${say.count(c.times, { one: 'раза', few: 'раз', many: 'раз', other: 'раза' })}`,
};
