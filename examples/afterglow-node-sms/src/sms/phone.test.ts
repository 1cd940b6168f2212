import { describe, expect, it } from 'vitest';
import { keywordOf } from './keywords.js';
import { storedForms, toE164 } from './phone.js';

describe('phone numbers', () => {
  it('normalises what shops store to E.164', () => {
    expect(toE164('+381 60 123-4567')).toBe('+381601234567');
    expect(toE164('00381 (0)60 1234567')).toBe('+381601234567');
    expect(toE164('+381 (0)60 123 45 67')).toBe('+381601234567');
    expect(toE164('+386.41.123.456')).toBe('+38641123456');
    expect(toE164(381601234567)).toBe('+381601234567');
  });

  it('completes a local number only with a country code, using the trunk prefix of the country', () => {
    expect(toE164('060 123 4567')).toBeNull();
    expect(toE164('060 123 4567', '381')).toBe('+381601234567');
    expect(toE164('041 123 456', '386')).toBe('+38641123456');
    expect(toE164('8 (912) 345-67-89', '7')).toBe('+79123456789');
    expect(toE164('+7 912 345-67-89', '7')).toBe('+79123456789');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of [undefined, null, true, '', 'call me', '+381', '+0381601234567', '+3816012345678901', '060-ABC', { phone: '+381601234567' }]) {
      expect(toE164(bad, '381')).toBeNull();
    }
  });

  it('lists the stored forms of a number, to find who texted from it', () => {
    expect(storedForms('+381601234567')).toEqual(['+381601234567', '381601234567', '00381601234567']);
  });
});

describe('opt-out and opt-in keywords', () => {
  it('reads the whole message, any case, trailing punctuation ignored', () => {
    for (const out of ['STOP', ' stop. ', 'Stop!', 'stopall', 'Unsubscribe', 'cancel', 'END', 'quit', 'Odjava', 'ОДЈАВА', 'стоп', 'Отписаться']) {
      expect(keywordOf(out), out).toBe('opt-out');
    }
    for (const back of ['START', 'yes', 'Unstop', 'prijava', 'ПРИЈАВА', 'Старт']) expect(keywordOf(back), back).toBe('opt-in');
    for (const other of ['please stop sending', 'STOP IT', 'Yes please', '', 'Kada stiže porudžbina?']) expect(keywordOf(other), other).toBeNull();
  });
});
