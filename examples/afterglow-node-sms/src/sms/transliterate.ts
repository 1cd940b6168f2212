// Latin letters that fit GSM-7, for shops writing in Serbian, Slovenian or Russian: one Cyrillic
// letter or č sends a whole SMS as UCS-2 (70 characters instead of 160), so "latin" writes
// Cyrillic in Latin letters and then drops the diacritics GSM-7 lacks, as people text anyway
// ("ošišana latinica": č ć -> c, š -> s, ž -> z, đ -> dj). What cannot be written in GSM-7
// (an emoji) is kept: the message then stays UCS-2, and the editor's counter shows it.
import { isGsm7 } from './segments.js';

// Serbian Cyrillic (Vuk's alphabet) as Serbian Latin.
const SERBIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj',
  м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č',
  џ: 'dž', ш: 'š',
};

// Russian as the simplified BGN/PCGN romanisation most Russians use in Latin-only texts.
const RUSSIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const SERBIAN_ONLY = /[ђјљњћџЂЈЉЊЋЏ]/g;
const RUSSIAN_ONLY = /[ёйщъыьэюяЁЙЩЪЫЬЭЮЯ]/g;

// Typography phones send as UCS-2, and the Latin letters GSM-7 lacks that no decomposition reaches.
const PLAIN: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '–': '-', '—': '-', '…': '...',
  '№': 'No.', '\u00a0': ' ', đ: 'dj', Đ: 'Dj', ł: 'l', Ł: 'L', œ: 'oe', Œ: 'OE',
};

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * A capital's replacement of several letters: "Lj" at the start of a word, "LJ" inside a word
 * written in capitals (the next letter is a capital, or the previous one is and no small one follows).
 */
function asCapital(replacement: string, chars: string[], i: number): string {
  const inCapitals = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !/\p{Ll}/u.test(chars[i + 1] ?? ''));
  return inCapitals ? replacement.toUpperCase() : replacement.charAt(0).toUpperCase() + replacement.slice(1).toLowerCase();
}

/** Serbian unless the text has letters only Russian uses and more of them than Serbian-only ones. */
export function cyrillicTable(text: string): Record<string, string> {
  const russian = text.match(RUSSIAN_ONLY)?.length ?? 0;
  const serbian = text.match(SERBIAN_ONLY)?.length ?? 0;
  return russian > serbian ? RUSSIAN : SERBIAN;
}

/** Cyrillic in Latin letters (Serbian's or Russian's way, see cyrillicTable); everything else as it is. */
export function cyrillicToLatin(text: string): string {
  const table = cyrillicTable(text);
  const chars = [...text];
  return chars.map((ch, i) => {
    const lower = ch.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) return ch;
    return ch === lower ? latin : asCapital(latin, chars, i);
  }).join('');
}

/** One character as GSM-7 has it: itself when it fits, else its plain form or its letter without marks. */
function toGsm7(ch: string, chars: string[], i: number): string {
  if (isGsm7(ch)) return ch;
  const plain = PLAIN[ch];
  if (plain !== undefined) return isUpper(ch) && plain.length > 1 ? asCapital(plain, chars, i) : plain;
  const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return bare !== ch && isGsm7(bare) ? bare : ch;
}

/** The text in Latin letters that fit GSM-7 (see the header); characters it cannot write are kept. */
export function toGsm7Latin(text: string): string {
  const chars = [...cyrillicToLatin(text)];
  return chars.map((ch, i) => toGsm7(ch, chars, i)).join('');
}
