import { describe, expect, it } from 'vitest';
import { blockLink, expandLinks, foldLinks, linksIn } from './linked-blocks';

const footer = { name: 'Footer "main"', mjml: '<mj-section><mj-column><mj-text>Bye {{ customer.firstName }}</mj-text></mj-column></mj-section>' };
const body = (inner: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section>${inner}</mj-body></mjml>`;

describe('linked blocks', () => {
  it('expands a link to the block between markers, and folds it back', () => {
    const source = body(blockLink('blk_a', footer.name));
    const { body: expanded, missing } = expandLinks(source, new Map([['blk_a', footer]]));
    expect(missing).toEqual([]);
    expect(expanded).toContain(footer.mjml);
    expect(expanded).toContain('<mj-raw><!-- block blk_a start: Footer "main" --></mj-raw>');
    expect(expanded).not.toContain('data-block');
    expect(foldLinks(expanded)).toBe(source);
  });

  it('reads links GrapesJS writes (attributes in any order) and hand-written self-closing ones', () => {
    const source = body('<mj-raw data-block-name="Header" data-block="blk_h"></mj-raw><mj-raw data-block="blk_f" />');
    expect(linksIn(source)).toEqual([{ id: 'blk_h', name: 'Header' }, { id: 'blk_f', name: 'blk_f' }]);
    const { missing } = expandLinks(source, new Map([['blk_h', footer]]));
    expect(missing).toEqual([{ id: 'blk_f', name: 'blk_f' }]);
  });

  it('keeps comment-breaking names out of the markers and leaves other raw Liquid alone', () => {
    const source = body(`<mj-raw>{% if coupon %}</mj-raw>${blockLink('blk_a', 'a -- b >')}<mj-raw>{% endif %}</mj-raw>`);
    const { body: expanded } = expandLinks(source, new Map([['blk_a', { ...footer, name: 'a -- b >' }]]));
    expect(expanded).toContain('start: a - b › -->');
    expect(foldLinks(expanded)).toContain('<mj-raw>{% if coupon %}</mj-raw><mj-raw data-block="blk_a" data-block-name="a - b ›"></mj-raw>');
  });
});
