import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@afterglow/i18n';
import { withLocale } from './request-locale';
import { speakZodInCallersLanguage } from './zod-messages';

speakZodInCallersLanguage();

const messagesOf = (locale: Locale, schema: z.ZodType, value: unknown) =>
  withLocale(locale, () => schema.safeParse(value).error?.issues.map((i) => i.message));

const form = z.object({
  name: z.string().min(1),
  code: z.string().min(2).max(5),
  pin: z.string().length(4),
  count: z.number().int().min(1).max(10_000),
  share: z.number().gt(0),
  email: z.email(),
  tags: z.array(z.string()).min(3),
  kind: z.enum(['a', 'b']),
});

describe('zod\'s messages in the caller\'s language', () => {
  it('are zod\'s own in English, word for word', () => {
    expect(messagesOf('en', form, { name: '', code: 'x', pin: '1', count: 0, share: 0, email: 'x', tags: [], kind: 'c' })).toEqual([
      'Too small: expected string to have >=1 characters', 'Too small: expected string to have >=2 characters',
      'Too small: expected string to have >=4 characters', 'Too small: expected number to be >=1', 'Too small: expected number to be >0',
      'Invalid email address', 'Too small: expected array to have >=3 items', 'Invalid option: expected one of "a"|"b"',
    ]);
  });

  it('say sizes with each language\'s plural forms, numbers in its format', () => {
    const bad = { name: '', code: 'abcdef', pin: '1', count: 10_001, share: 0, email: 'x', tags: ['a'], kind: 'c' };
    expect(messagesOf('ru', form, bad)).toEqual([
      'Поле не должно быть пустым', 'Не длиннее 5 символов', 'Ровно 4 символа', 'Не больше 10\u00a0000', 'Больше 0',
      'Введите адрес эл. почты', 'Не меньше 3 элементов', 'Выберите одно из значений: a, b',
    ]);
    expect(messagesOf('sl', form, bad)).toEqual([
      'Polje ne sme biti prazno', 'Največ 5 znakov', 'Točno 4 znaki', 'Največ 10.000', 'Več kot 0',
      'Vnesite e-poštni naslov', 'Vsaj 3 elementi', 'Izberite eno od vrednosti: a, b',
    ]);
    expect(messagesOf('sr-Latn', form, bad)).toEqual([
      'Polje ne sme biti prazno', 'Najviše 5 znakova', 'Tačno 4 znaka', 'Najviše 10.000', 'Više od 0',
      'Unesite imejl adresu', 'Najmanje 3 stavke', 'Izaberite jednu od vrednosti: a, b',
    ]);
  });

  it('name a missing field as required and a wrong type by what is expected', () => {
    expect(messagesOf('sr-Cyrl', z.object({ name: z.string(), count: z.number().int() }), { count: 1.5 }))
      .toEqual(['Обавезно поље', 'Очекује се цео број']);
  });
});
