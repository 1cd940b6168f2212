// The dates review exports write, read as the instant they mean; anything else is no date.
import { expect, it } from 'vitest';
import { parseReviewDate } from './csv-date';

it('reads ISO, dotted and slashed dates, with or without a time, UTC unless a zone is given', () => {
  const cases: [string, string][] = [
    ['2025-03-05', '2025-03-05T00:00:00.000Z'],
    ['2025-03-05T14:30:00Z', '2025-03-05T14:30:00.000Z'],
    ['2025-03-05 14:30', '2025-03-05T14:30:00.000Z'],
    ['2025-03-05T14:30:00+02:00', '2025-03-05T12:30:00.000Z'],
    ['05.03.2025', '2025-03-05T00:00:00.000Z'],
    ['5. 3. 2025.', '2025-03-05T00:00:00.000Z'],
    ['05.03.2025 08:15', '2025-03-05T08:15:00.000Z'],
    ['03/05/2025', '2025-03-05T00:00:00.000Z'],
    ['25/03/2025', '2025-03-25T00:00:00.000Z'],
  ];
  for (const [raw, iso] of cases) expect(parseReviewDate(raw)?.toISOString(), raw).toBe(iso);
});

it('refuses what is not a real date', () => {
  for (const raw of ['', 'yesterday', '31.02.2025', '2025-13-01', '2025-02-30', '13/13/2025', '05.03.25', '2025-03-05 25:00']) {
    expect(parseReviewDate(raw), raw).toBeNull();
  }
});
