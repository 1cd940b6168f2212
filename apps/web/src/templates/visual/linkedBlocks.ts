// A saved block in a template is a link (`<mj-raw data-block="blk_…" data-block-name="Footer">`):
// the server puts the block's current content in its place when a version is made, previewed or
// sent (packages/api/src/email-content/linked-blocks.ts). In the canvas a link is one locked
// element that says which block it is: its content is edited under Saved blocks, for every
// template at once, and the preview beside the canvas shows it. "Unlink" makes it a copy.
import type { Component, ComponentView, Editor } from 'grapesjs';
import type { TFunction } from 'i18next';

export const LINKED_BLOCK = 'saved-block';

/** GrapesJS writes attribute values back unescaped: a name keeps none of the characters that would break them. */
const plain = (s: string) => s.replace(/["<>&]/g, '');

/** What inserting a saved block puts into the template (its name only labels it: the id decides). */
export const blockLink = (id: string, name: string) => `<mj-raw data-block="${plain(id)}" data-block-name="${plain(name)}"></mj-raw>`;

export const isLinkedBlock = (c: Component | undefined): c is Component => Boolean(c?.is(LINKED_BLOCK));

/** The block a link names. */
export const linkedBlockId = (c: Component): string => String(c.getAttributes()['data-block'] ?? '');

/** The parts of grapesjs-mjml's view a link's render uses (its own render, as MJML, would draw nothing). */
interface LinkView { el: HTMLElement; model: Component; renderAttributes(): void; renderStyle(): void; postRender(): void }

/** The link as a component type: locked (nothing inside to edit or drop into), drawn as a labelled box. */
export function linkedBlocks(t: TFunction<'email-editor'>) {
  return (editor: Editor): void => {
    editor.Components.addType(LINKED_BLOCK, {
      extend: 'mj-raw',
      isComponent: (el: HTMLElement) => (el.tagName?.toLowerCase() === 'mj-raw' && el.hasAttribute?.('data-block') ? { type: LINKED_BLOCK } : undefined),
      model: { defaults: { name: t('saved.layerName'), editable: false, droppable: false, stylable: false, traits: [], copyable: true } },
      view: {
        // Drawn by the app, not by MJML: the block's content is not in the template.
        render(this: ComponentView) {
          const view = this as unknown as LinkView;
          view.renderAttributes();
          const name = String(view.model.getAttributes()['data-block-name'] ?? '');
          const doc = view.el.ownerDocument;
          view.el.setAttribute('data-linked-block', linkedBlockId(view.model));
          view.el.replaceChildren(
            Object.assign(doc.createElement('strong'), { textContent: t('saved.linked', { name }) }),
            Object.assign(doc.createElement('span'), { textContent: t('saved.linkedHint') }),
          );
          view.renderStyle();
          view.postRender();
          return this;
        },
      },
    });
  };
}

/** CSS for the canvas: a link stands out from the email's own elements. */
export const LINKED_BLOCK_CSS = `[data-linked-block] { display: block; margin: 4px 0; padding: 10px 14px; border: 1px dashed #8b5cf6; border-radius: 8px;
  background: #faf5ff; font: 12px/1.5 system-ui, sans-serif; color: #5b21b6; cursor: default; }
[data-linked-block] strong { display: block; font-size: 13px; } [data-linked-block] span { color: #7c3aed; }`;
