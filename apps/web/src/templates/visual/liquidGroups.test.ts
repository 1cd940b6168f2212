import { describe, expect, it } from 'vitest';
import { indexAfterGroup, liquidDepthChange } from './liquidGroups';

// The body's children as the shop blocks lay them out: raw Liquid tags between whole sections.
const together = ['{% if recommendations.size > 0 %}', '<heading section>', '{% for product in recommendations %}', '<row section>', '{% endfor %}', '{% endif %}'];

describe('indexAfterGroup', () => {
  it('counts Liquid blocks opened and closed, not output tags', () => {
    expect(liquidDepthChange('{% if a %}{{ x }}')).toBe(1);
    expect(liquidDepthChange('{%- endfor -%}{% endif %}')).toBe(-2);
    expect(liquidDepthChange('{% if a %}x{% endif %}')).toBe(0);
    expect(liquidDepthChange('<mj-text>{{ customer.firstName }}</mj-text>')).toBe(0);
  });

  it('puts a block after the whole group when a section inside a loop and an if is selected', () => {
    const body = ['<header>', ...together, '<footer>'];
    expect(indexAfterGroup(body, 2)).toBe(7); // heading selected: after {% endif %}, before the footer
    expect(indexAfterGroup(body, 4)).toBe(7); // a row selected
  });

  it('inserts right after an element outside any group', () => {
    expect(indexAfterGroup(['<header>', ...together], 0)).toBe(1);
    expect(indexAfterGroup([...together, '<footer>'], 6)).toBe(7);
  });

  it('inserts last when a group is never closed', () => {
    expect(indexAfterGroup(['{% for item in order.items %}', '<row>'], 1)).toBe(2);
  });
});
