import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative';

const now = new Date(Date.UTC(2026, 2, 5, 14, 30));
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relative time in a locale', () => {
  it('says "now" under a minute, then the largest whole unit', () => {
    expect(formatRelativeTime('en', ago(20), now)).toBe('now');
    expect(formatRelativeTime('en', ago(150), now)).toBe('2 minutes ago');
    expect(formatRelativeTime('en', ago(90 * 60), now)).toBe('1 hour ago');
    expect(formatRelativeTime('en', ago(86_400), now)).toBe('yesterday');
    expect(formatRelativeTime('en', ago(-3 * 86_400), now)).toBe('in 3 days');
  });

  it('with each language\'s own words and plurals', () => {
    expect(formatRelativeTime('sr-Cyrl', ago(5 * 60), now)).toBe('пре 5 минута');
    expect(formatRelativeTime('sr-Latn', ago(2 * 3600), now)).toBe('pre 2 sata');
    expect(formatRelativeTime('ru', ago(2 * 60), now)).toBe('2 минуты назад');
    expect(formatRelativeTime('ru', ago(5 * 60), now)).toBe('5 минут назад');
    expect(formatRelativeTime('sl', ago(2 * 86_400), now)).toBe('predvčerajšnjim');
    expect(formatRelativeTime('sl', ago(3 * 7 * 86_400), now)).toBe('pred 3 tedni');
  });
});
