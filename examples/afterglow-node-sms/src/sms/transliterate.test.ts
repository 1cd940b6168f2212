import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from './segments.js';
import { cyrillicToLatin, toGsm7Latin } from './transliterate.js';

describe('Latin that fits GSM-7', () => {
  it('writes Serbian Cyrillic as Latin, then without diacritics', () => {
    const text = 'Здраво Ђорђе, ваш код је ЉУБАВ. Џеп, ЏЕП, Љиљана, Њујорк, ћевапи, чаша, жаба, шешир';
    expect(cyrillicToLatin(text)).toBe('Zdravo Đorđe, vaš kod je LJUBAV. Džep, DŽEP, Ljiljana, Njujork, ćevapi, čaša, žaba, šešir');
    expect(toGsm7Latin(text)).toBe('Zdravo Djordje, vas kod je LJUBAV. Dzep, DZEP, Ljiljana, Njujork, cevapi, casa, zaba, sesir');
  });

  it('takes Serbian for Cyrillic both languages share, Russian when its own letters outnumber', () => {
    expect(toGsm7Latin('Хвала, Цеца!')).toBe('Hvala, Ceca!');
    expect(toGsm7Latin('Привет, Юлия! Ваш заказ №123 готов. Щука, ЩИ, объём')).toBe('Privet, Yuliya! Vash zakaz No.123 gotov. Shchuka, SHCHI, obyom');
  });

  it('drops the marks GSM-7 lacks and keeps those it has; typography becomes plain', () => {
    expect(toGsm7Latin('Čestitamo, že ste prejeli 20 % popusta – Café Müller')).toBe('Cestitamo, ze ste prejeli 20 % popusta - Café Müller');
    expect(toGsm7Latin('„Akcija“ … ‘da’ ĐAK')).toBe('"Akcija" ... \'da\' DJAK');
  });

  it('keeps what GSM-7 cannot write, so the counter shows the truth', () => {
    expect(toGsm7Latin('Hvala 🎉')).toBe('Hvala 🎉');
    expect(isGsm7(toGsm7Latin('Hvala 🎉'))).toBe(false);
  });

  it('makes a Cyrillic offer fit one SMS instead of three', () => {
    const offer = 'Драга Марија, само данас: 20% попуста на целу летњу колекцију уз код ЛЕТО20. Погледајте понуду на продавница.рс и пожурите, залихе су ограничене!';
    expect(countSegments(offer)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(countSegments(toGsm7Latin(offer))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });
});
