// One starter in every language: its body builder run over each language's text table, so the
// MJML is written once and only the words differ.
import { shell } from './layout';
import type { StarterTextKey, StarterTexts } from './texts';
import { en } from './texts/en';
import { ru } from './texts/ru';
import { sl } from './texts/sl';
import { sr } from './texts/sr';
import type { StarterTemplate, StarterVariant } from './types';

type StarterMeta = Pick<StarterTemplate, 'key' | 'kind'>;

/** `sections` builds what sits between the shop's header and the footer from one language's words. */
export function defineStarter<K extends StarterTextKey>(
  meta: StarterMeta, texts: K, sections: (t: StarterTexts[K]) => string,
): StarterTemplate {
  const variant = (language: StarterTexts): StarterVariant => {
    const t = language[texts];
    return { subject: t.subject, preheader: t.preheader, body: shell(language.layout, t.title, sections(t)) };
  };
  const title = (language: StarterTexts) => ({ name: language[texts].name, description: language[texts].description });
  return {
    ...meta, ...title(en), ...variant(en),
    variants: { sr: variant(sr), sl: variant(sl), ru: variant(ru) },
    titles: { sr: title(sr), sl: title(sl), ru: title(ru) },
  };
}
