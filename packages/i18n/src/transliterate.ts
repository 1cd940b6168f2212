// Serbian is written in two scripts with a one-to-one alphabet (30 letters each), so a shop keeps
// one Serbian text and serves both: Cyrillic to Latin is exact; Latin to Cyrillic reads the
// digraphs lj, nj, dž as one letter (the rare words where they are two, e.g. "injekcija", are
// not detected). Liquid tags, HTML tags and URLs are left as written: transliterating them would
// break a template.

const CYRILLIC = 'абвгдђежзијклљмнњопрстћуфхцчџш';
const LATIN = ['a', 'b', 'v', 'g', 'd', 'đ', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'ć', 'u', 'f', 'h', 'c', 'č', 'dž', 'š'];

const toLatinMap = new Map<string, string>();
const toCyrillicMap = new Map<string, string>();
[...CYRILLIC].forEach((cyr, i) => {
  toLatinMap.set(cyr, LATIN[i]);
  toCyrillicMap.set(LATIN[i], cyr);
});

// Text that is markup or code, not Serbian: kept verbatim in both directions.
const PROTECTED = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<[^>]*>|\bhttps?:\/\/[^\s<>"]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/;

function eachText(text: string, convert: (part: string) => string): string {
  return text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : convert(part)))
    .join('');
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLetter = (ch: string | undefined) => ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();

/**
 * Latin for Cyrillic Serbian. A capital Љ, Њ or Џ becomes LJ/NJ/DŽ in an all-caps word ("ЉУБАВ"
 * -> "LJUBAV") and Lj/Nj/Dž otherwise ("Љубав" -> "Ljubav"), judged by the next letter, or by the
 * previous one at the end of a word.
 */
export function toLatin(text: string): string {
  return eachText(text, (part) => {
    const chars = [...part];
    return chars
      .map((ch, i) => {
        const latin = toLatinMap.get(ch.toLowerCase());
        if (latin === undefined) return ch;
        if (ch === ch.toLowerCase()) return latin;
        const next = chars[i + 1];
        const allCaps = isLetter(next) ? isUpper(next) : isUpper(chars[i - 1]);
        return allCaps ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
      })
      .join('');
  });
}

const LATIN_LETTER = /dž|lj|nj|[a-zđžćčš]/giu;

/** Cyrillic for Latin Serbian; LJ, Lj and lj (likewise NJ, DŽ) are all one letter. */
export function toCyrillic(text: string): string {
  return eachText(text, (part) =>
    part.replace(LATIN_LETTER, (letters) => {
      const cyr = toCyrillicMap.get(letters.toLowerCase());
      if (cyr === undefined) return letters; // q, w, x, y: not Serbian letters, kept
      return isUpper(letters[0]) ? cyr.toUpperCase() : cyr;
    }),
  );
}
