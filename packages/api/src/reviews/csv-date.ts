// The dates review exports carry: ISO 8601 (2024-03-05, 2024-03-05T14:30:00Z, 2024-03-05 14:30),
// day.month.year as written in Serbia, Slovenia and Russia (05.03.2024, 5. 3. 2024), and slashes
// (03/05/2024: month first, as US-made apps export them, unless the first number cannot be a
// month: 25/03/2024 is day first). A time may follow; a date without a zone is UTC.
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DOTTED = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function utc(year: number, month: number, day: number, h = 0, min = 0, s = 0): Date | null {
  const d = new Date(Date.UTC(year, month - 1, day, h, min, s));
  // 31.02.2024 would roll over into March: not a date.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && h < 24 && min < 60 && s < 60 ? d : null;
}

const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));

export function parseReviewDate(raw: string): Date | null {
  const value = raw.trim();
  if (ISO.test(value)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) || !value.includes(':') ? value : `${value}Z`;
    const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : zoned.replace(' ', 'T'));
    const [y, m, day] = value.slice(0, 10).split('-').map(Number);
    return Number.isNaN(d.getTime()) || !utc(y, m, day) ? null : d;
  }
  const dotted = DOTTED.exec(value);
  if (dotted) return utc(num(dotted[3]), num(dotted[2]), num(dotted[1]), num(dotted[4]), num(dotted[5]), num(dotted[6]));
  const slashed = SLASHED.exec(value);
  if (slashed) {
    const [a, b] = [num(slashed[1]), num(slashed[2])];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return utc(num(slashed[3]), month, day, num(slashed[4]), num(slashed[5]), num(slashed[6]));
  }
  return null;
}
