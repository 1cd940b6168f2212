import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';
import { buildMergeData, sampleMergeData } from './merge-data';
import { compileMjml } from './mjml';
import { renderEmail } from './render';
import { STARTER_TEMPLATES } from './starters/index';
import { textTemplateOf } from './text-template';

const hostile = buildMergeData(
  { id: 'c1', email: 'x@example.com', firstName: 'Ann "the hammer"\n\n\n  & <b>Co</b>', lastName: null, timezone: 'UTC', birthday: null, attributes: {} },
  { name: 'Order Completed', properties: { order_id: 'o&1', products: [{ product_id: 'p1', name: '<script>x</script>', price: 5, url: 'https://s.test/p1' }] } },
);

describe('the text part compiled once per template', () => {
  it('is exactly what converting each personalised HTML would give, for every starter in every language', async () => {
    for (const data of [sampleMergeData(), hostile]) {
      for (const starter of STARTER_TEMPLATES) {
        for (const [language, variant] of [['en', starter], ...Object.entries(starter.variants)] as const) {
          const email = await renderEmail(variant, data);
          expect([starter.key, language, email.text]).toEqual([starter.key, language, htmlToText(email.html)]);
        }
      }
    }
  });

  it('is used for the starters, and refused when a Liquid tag sits where the text part drops it', async () => {
    expect(textTemplateOf((await compileMjml(STARTER_TEMPLATES[0].body)).html)).not.toBeNull();
    // The whole <img> disappears from the text part, and the tags inside its src with it.
    const tagInImage = '<mjml><mj-body><mj-section><mj-column><mj-image src="{% if order %}https://s.test/a.jpg{% endif %}" /><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
    expect(textTemplateOf((await compileMjml(tagInImage)).html)).toBeNull();
    const email = await renderEmail({ subject: 'x', body: tagInImage }, sampleMergeData());
    expect(email.text).toBe(htmlToText(email.html)); // converted per email instead
  });

  it('writes a link whose label is its target once, as htmlToText does', async () => {
    const body = '<mjml><mj-body><mj-section><mj-column><mj-text><a href="{{ shop.url }}">{{ shop.url }}</a> and <a href="{{ shop.url }}/faq">FAQ</a></mj-text></mj-column></mj-section></mj-body></mjml>';
    const email = await renderEmail({ subject: 'x', body }, sampleMergeData());
    expect(email.text).toBe('https://shop.example and FAQ (https://shop.example/faq)');
  });
});
