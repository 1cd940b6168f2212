// The text/plain part, compiled once per template like the HTML: the compiled MJML (still
// holding its Liquid) goes through htmlToText with every Liquid tag and output masked, and
// the masks are put back, giving a Liquid template of the text part. Per email only that
// small template is rendered, instead of converting the whole personalised HTML again.
import type { Template } from 'liquidjs';
import { htmlToText } from './html-to-text';
import { textLiquid } from './liquid';

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
// Control characters: untouched by htmlToText (not markup, not blanks, not entities).
// eslint-disable-next-line no-control-regex -- the mask is made of them on purpose.
const MASK = /\u0001(\d+)\u0002/g;

/** The text part's template, or null when converting per email is the only faithful way. */
export function textTemplateOf(compiledHtml: string): Template[] | null {
  const sources: string[] = [];
  const indexOf = new Map<string, number>();
  let tagsIn = 0;
  // One mask per distinct source: `<a href="{{ u }}">{{ u }}</a>` stays a bare link, as
  // htmlToText writes it when label and target are equal.
  const masked = compiledHtml.replace(LIQUID, (source) => {
    if (source.startsWith('{%')) tagsIn++;
    let index = indexOf.get(source);
    if (index === undefined) { index = sources.push(source) - 1; indexOf.set(source, index); }
    return `\u0001${index}\u0002`;
  });
  let tagsOut = 0;
  const text = htmlToText(masked).replace(MASK, (_m, i: string) => {
    const source = sources[Number(i)];
    if (source.startsWith('{%')) tagsOut++;
    return source;
  });
  // A tag inside something the text part drops (an attribute, a comment) would change the
  // template's structure: keep converting per email for such a template.
  if (tagsOut !== tagsIn) return null;
  try {
    return textLiquid.parse(text);
  } catch {
    return null;
  }
}

/** The blank-line and spacing rules of htmlToText, for what the merge values brought in. */
export function tidyText(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
