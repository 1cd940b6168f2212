// The canvas as close to the sent email as a canvas can be. grapesjs-mjml renders each element
// on its own (`<mjml><mj-body>element</mj-body></mjml>`), so the template's <mj-attributes> (the
// starters' violet buttons, 15px text) would be lost and every button grey: each element's render
// here gets the document's attributes in its head. And an image whose address is Liquid
// (`{{ item.imageUrl }}`) has no picture until the email is sent: the canvas shows the placeholder
// in its place (in the canvas's DOM only; the MJML keeps the Liquid).
import type { Component, Editor } from 'grapesjs';
import { IMAGE_PLACEHOLDER } from './blocks';

const ATTRIBUTES = /<mj-attributes\b[^>]*>[\s\S]*?<\/mj-attributes>/i;

/** The <mj-attributes> of an MJML document ('' without one). */
export const attributesOf = (mjml: string): string => ATTRIBUTES.exec(mjml)?.[0] ?? '';

interface MjmlTemplate { start: string; end: string }
type TemplateOf = (this: unknown) => MjmlTemplate;
type AttributesOf = (this: Component) => Record<string, unknown>;

/**
 * grapesjs-mjml renders an element with MJML's defaults written out (a button's background
 * #414141): as explicit attributes they would beat <mj-attributes>, so a render leaves out each
 * one equal to the default (MJML applies it anyway when nothing else does).
 */
function withoutDefaults(own: AttributesOf): AttributesOf {
  return function (this: Component) {
    const defaults = (this.get('style-default') ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(own.call(this)).filter(([name, value]) => defaults[name] !== value));
  };
}

/** Every MJML element's canvas render starts with a head holding `attributes()` (a render that has a head keeps its own). */
export function attributesInCanvas(attributes: () => string) {
  return (editor: Editor): void => {
    for (const type of editor.Components.getTypes()) {
      const own = (type.view as { prototype?: { getMjmlTemplate?: TemplateOf } } | undefined)?.prototype?.getMjmlTemplate;
      const ownAttributes = (type.model as { prototype?: { getMjmlAttributes?: AttributesOf } } | undefined)?.prototype?.getMjmlAttributes;
      if (!type.id.startsWith('mj-') || typeof own !== 'function') continue;
      if (typeof ownAttributes === 'function') editor.Components.addType(type.id, { model: { getMjmlAttributes: withoutDefaults(ownAttributes) } });
      editor.Components.addType(type.id, { view: { getMjmlTemplate(this: unknown): MjmlTemplate {
        const template = own.call(this);
        const head = attributes();
        if (!head || /<mj-head\b/i.test(template.start)) return template;
        return { ...template, start: template.start.replace(/<mjml\b[^>]*>/i, (root) => `${root}<mj-head>${head}</mj-head>`) };
      } } });
    }
  };
}

const LIQUID_SRC = /\{\{|\{%|%7B%7B|%7B%25/i;

function showPlaceholders(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (LIQUID_SRC.test(img.getAttribute('src') ?? '')) img.setAttribute('src', IMAGE_PLACEHOLDER);
  }
}

/** Keeps Liquid image addresses out of the canvas's DOM as it renders and re-renders. */
export function placeholdersForLiquidImages(editor: Editor): void {
  const watched = new WeakSet<HTMLElement>();
  const watch = () => {
    const body = editor.Canvas.getDocument()?.body;
    if (!body || watched.has(body)) return;
    watched.add(body);
    showPlaceholders(body);
    new MutationObserver(() => showPlaceholders(body)).observe(body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  };
  // Whichever comes last: the canvas's frame, or the editor with its components.
  editor.on('canvas:frame:load', watch);
  editor.on('load', watch);
}
