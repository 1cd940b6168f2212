import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag } from './language-tag';

describe('canonicalLanguageTag', () => {
  it('makes tags canonical BCP 47', () => {
    expect(canonicalLanguageTag('sr_RS')).toBe('sr-RS');
    expect(canonicalLanguageTag('sr-latn-rs')).toBe('sr-Latn-RS');
    expect(canonicalLanguageTag(' RU ')).toBe('ru');
    expect(canonicalLanguageTag('en-CA')).toBe('en-CA');
    expect(canonicalLanguageTag('sl_SI')).toBe('sl-SI');
    // Deprecated codes become their replacements.
    expect(canonicalLanguageTag('iw')).toBe('he');
    expect(canonicalLanguageTag('sh')).toBe('sr-Latn');
  });

  it('refuses what is not a language tag', () => {
    for (const bad of ['', '  ', 'English', 'Serbian', 'und', 'x-private', 'en_US.UTF-8', 'e', '12', 'sr--RS', 'a'.repeat(101), null, 42, {}]) {
      expect(canonicalLanguageTag(bad), String(bad)).toBeNull();
    }
  });
});

