// One Serbian text, two scripts: a template's Serbian variant is written once, in whichever
// script its author prefers, and served to sr-Cyrl and sr-Latn customers by transliterating
// what a reader reads. toLatin/toCyrillic already leave Liquid, HTML/MJML tags (with their
// attributes), URLs and addresses as written; here the parts of an MJML document that are code
// but not inside a tag are kept too: style sheets, comments, character references (&nbsp;) and
// Liquid's raw and comment blocks.
// Merge values (a customer's name, a product's title, a coupon code) are NOT transliterated: they
// are proper nouns and codes written by the customer or the shop's catalogue, where Latin brand
// names ("Nike Air") would come out wrong in Cyrillic and a code must stay as issued. The words a
// marketer writes inside a filter (plural forms) are template text: they follow the script.
import { toCyrillic, toLatin } from '@afterglow/i18n';

export type SerbianScript = 'Cyrl' | 'Latn';

const CODE = /(<mj-style\b[\s\S]*?<\/mj-style>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|&#?\w+;|\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\})/i;

function eachReadable(source: string, convert: (text: string) => string): string {
  return source
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : convert(part)))
    .join('');
}

/** The template text (subject, preheader or MJML body) in the given script. */
export function inScript(source: string, script: SerbianScript): string {
  return eachReadable(source, script === 'Latn' ? toLatin : toCyrillic);
}

const NOT_READ = /<[^>]*>|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|https?:\/\/\S+/g;

/**
 * The script a Serbian text is written in: the one most of its letters (outside tags and
 * Liquid) are in. A text with no Cyrillic letter is Latin.
 */
export function scriptOf(...texts: string[]): SerbianScript {
  let cyrillic = 0;
  let latin = 0;
  for (const text of texts) {
    const readable = text.split(CODE).filter((_, i) => i % 2 === 0).join(' ').replace(NOT_READ, ' ');
    cyrillic += readable.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
    latin += readable.match(/\p{Script=Latin}/gu)?.length ?? 0;
  }
  return cyrillic > latin ? 'Cyrl' : 'Latn';
}
