import { describe, expect, it } from 'vitest';
import { toCyrillic, toLatin } from './transliterate';

// Real Serbian: shop copy and the classic pangram that uses every letter of the alphabet.
const pairs: Array<[string, string]> = [
  ['Љубазни купче, Ваш купон за попуст од 20% важи до недеље.', 'Ljubazni kupče, Vaš kupon za popust od 20% važi do nedelje.'],
  ['Џаба сте се мучили: поруџбина је већ на путу за Ђаковицу.', 'Džaba ste se mučili: porudžbina je već na putu za Đakovicu.'],
  ['Фијуче ветар у шибљу, леди пасаже и куће иза њих и гунђа у оџацима.', 'Fijuče vetar u šiblju, ledi pasaže i kuće iza njih i gunđa u odžacima.'],
  ['Програм лојалности: Њиве, Љиљана и Џон добијају бодове.', 'Program lojalnosti: Njive, Ljiljana i Džon dobijaju bodove.'],
];

describe('Serbian transliteration', () => {
  it.each(pairs)('Cyrillic to Latin: %s', (cyrillic, latin) => {
    expect(toLatin(cyrillic)).toBe(latin);
  });

  it.each(pairs)('Latin to Cyrillic: %s', (cyrillic, latin) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });

  it('writes LJ, NJ, DŽ in all-caps words and Lj, Nj, Dž in title case', () => {
    expect(toLatin('ЉУБАВ, ЊЕГОШ, ЏЕП')).toBe('LJUBAV, NJEGOŠ, DŽEP');
    expect(toLatin('Љубав, Његош, Џеп')).toBe('Ljubav, Njegoš, Džep');
    expect(toLatin('КОЊ БР. 1 И ЉИЉАНА')).toBe('KONJ BR. 1 I LJILJANA');
    expect(toLatin('ПОПУСТ ЗА ЉУБИТЕЉЕ')).toBe('POPUST ZA LJUBITELJE');
    expect(toLatin('Љ')).toBe('Lj');
  });

  it('reads every capitalisation of a digraph as one letter', () => {
    expect(toCyrillic('LJUBAV Ljubav ljubav')).toBe('ЉУБАВ Љубав љубав');
    expect(toCyrillic('NJEGOŠ DŽEP Džep')).toBe('ЊЕГОШ ЏЕП Џеп');
  });

  it('round-trips every letter both ways', () => {
    const alphabet = 'АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ абвгдђежзијклљмнњопрстћуфхцчџш';
    expect(toCyrillic(toLatin(alphabet))).toBe(alphabet);
  });

  it('leaves Liquid, HTML, URLs and e-mail addresses as written', () => {
    const latin = 'Zdravo {{ customer.first_name }}, <a href="https://shop.rs/kupon">vaš kupon</a> piše: podrska@shop.rs {% if vip %}VIP{% endif %}';
    expect(toCyrillic(latin)).toBe('Здраво {{ customer.first_name }}, <a href="https://shop.rs/kupon">ваш купон</a> пише: podrska@shop.rs {% if vip %}ВИП{% endif %}');
    expect(toLatin(toCyrillic(latin))).toBe(latin);
  });

  it('keeps what is not Serbian as it is', () => {
    expect(toLatin('Order #42 — 1.234,50 RSD')).toBe('Order #42 — 1.234,50 RSD');
    expect(toCyrillic('Wix, Quixy')).toBe('Wиx, Qуиxy');
  });
});
