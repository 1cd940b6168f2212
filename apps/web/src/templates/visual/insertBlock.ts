// Click-to-insert, for those who would rather not drag (and for keyboards): a block lands after
// the selected element, where MJML allows it. Content (text, button, ...) goes into the selected
// column, or a new one-column section at the end; sections go after the selected section (after
// the whole shop block holding it: liquidGroups.ts), or last.
import type { Component, Editor } from 'grapesjs';
import type { EmailBlock } from './blocks';
import { indexAfterGroup } from './liquidGroups';

const SECTION_LEVEL = new Set<EmailBlock['category']>(['layout', 'shop']);

function closest(component: Component | undefined, type: string): Component | undefined {
  let c = component;
  while (c && !c.is(type)) c = c.parent();
  return c;
}

/** The direct child of `ancestor` that holds `component` (itself, if it is one). */
function childOf(ancestor: Component, component: Component): Component | undefined {
  let c: Component | undefined = component;
  while (c && c.parent() !== ancestor) c = c.parent();
  return c;
}

export function insertBlock(editor: Editor, block: EmailBlock): void {
  const body = editor.getWrapper()?.findType('mj-body')[0];
  if (!body) return;
  const selected = editor.getSelected();
  const place = (parent: Component, content: string, at?: number) => {
    const added = parent.append(content, at === undefined ? {} : { at });
    const first = added.find((c) => !c.is('mj-raw')) ?? added[0];
    if (first) editor.select(first);
  };
  if (SECTION_LEVEL.has(block.category)) {
    const after = selected && selected !== body ? childOf(body, selected) : undefined;
    // Only Liquid between elements (in an <mj-raw>) opens or closes a group of them.
    const texts = body.components().models.map((c: Component) => (c.is('mj-raw') ? c.toHTML() : ''));
    return place(body, block.content, after ? indexAfterGroup(texts, after.index()) : undefined);
  }
  const column = closest(selected, 'mj-column');
  const inColumn = column && selected && selected !== column ? childOf(column, selected) : undefined;
  if (column && selected) return place(column, block.content, inColumn ? inColumn.index() + 1 : undefined);
  place(body, `<mj-section background-color="#ffffff" padding="16px 24px"><mj-column>${block.content}</mj-column></mj-section>`);
}
