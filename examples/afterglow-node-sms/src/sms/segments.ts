// How many SMS a text costs. A text written only with the GSM 03.38 alphabet travels as GSM-7:
// 160 characters in one SMS, 153 per part once it is split (each part carries a header); the
// extension table's characters (€ [ ] { } ^ ~ | \ and form feed) take two. One character
// outside the alphabet (Cyrillic, č, an emoji) sends the whole text as UCS-2: 70 characters, 67
// per part, an emoji two. Phones never split an escape or a surrogate pair across parts.

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
  + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Characters as people count them (an emoji is one). */
  characters: number;
  /** What the network counts: septets for GSM-7 (extension characters 2), UTF-16 units for UCS-2. */
  units: number;
  segments: number;
  /** Units one SMS holds at this length: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  perSegment: number;
  /** Units left before the text needs another SMS. */
  remaining: number;
}

/** True when every character is in the GSM 03.38 alphabet (extension table included). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extension.has(ch)) return false;
  return true;
}

/** A GSM-7 character's septets (1, or 2 from the extension table); 0 when it is not in the alphabet. */
export function gsm7Cost(ch: string): number {
  return basic.has(ch) ? 1 : extension.has(ch) ? 2 : 0;
}

/** Fills parts of `size` units in order; a character never straddles two parts. */
function pack(costs: number[], size: number): { segments: number; used: number } {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > size) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { segments, used };
}

export function countSegments(text: string): SegmentCount {
  const chars = [...text];
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const costs = chars.map((ch) => (encoding === 'GSM-7' ? gsm7Cost(ch) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  if (units <= single) {
    return { encoding, characters: chars.length, units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units };
  }
  const { segments, used } = pack(costs, multi);
  return { encoding, characters: chars.length, units, segments, perSegment: multi, remaining: multi - used };
}
