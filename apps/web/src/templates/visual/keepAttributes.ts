// grapesjs-mjml leaves out of the MJML every attribute equal to MJML's own default (an mj-text's
// `font-size="13px"`). A template's <mj-attributes> may set other defaults (the starters' 15px), so
// such an attribute does matter: every MJML component here writes each attribute it has. And the
// image picker sets an image's `src` property, while the MJML is written from its attributes: a
// picked image becomes the attribute too (GrapesJS's own default picture, an SVG, never does).
import type { Component, Editor } from 'grapesjs';

function allAttributes(this: Component): Record<string, unknown> {
  const { style: _, id: __, ...attributes } = { ...(this.get('attributes') as Record<string, unknown>) };
  return attributes;
}

export function keepAttributes(editor: Editor): void {
  for (const type of editor.Components.getTypes()) {
    if (type.id.startsWith('mj-')) editor.Components.addType(type.id, { model: { getAttrToHTML: allAttributes } });
  }
  editor.on('component:update:src', (component: Component) => {
    const src: unknown = component.get('src');
    if (!component.is('mj-image') || typeof src !== 'string' || src === '' || src.startsWith('<svg')) return;
    if (component.getAttributes().src !== src) component.addAttributes({ src });
  });
}
