// What "Save as block" saves: the whole body-level element (a section, a wrapper) holding the
// selected element, as the MJML the template stores.
import type { Component, Editor } from 'grapesjs';
import { isLinkedBlock } from './linkedBlocks';
import { fromCanvas } from './mjmlSource';

/** The child of the email's body that holds the selection; null when nothing (or the body, or a linked block) is selected. */
export function selectedSection(editor: Editor): Component | null {
  const body = editor.getWrapper()?.findType('mj-body')[0];
  let c: Component | undefined = editor.getSelected();
  if (!body || !c || c === body) return null;
  while (c && c.parent() !== body) c = c.parent();
  return c && !isLinkedBlock(c) ? c : null;
}

export const sectionMjml = (section: Component): string => fromCanvas(section.toHTML());
