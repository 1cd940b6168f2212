// The canvas as close to the sent email as a canvas can be. grapesjs-mjml renders each element
// on its own (`<mjml><mj-body>element</mj-body></mjml>`), so the template's <mj-attributes> (the
// starters' violet buttons, 15px text) would be lost and every button grey: its parser here puts
// the document's attributes into the head of each of those renders. And an image whose address is
// Liquid (`{{ item.imageUrl }}`) has no picture until the email is sent: the canvas shows the
// placeholder in its place (in the canvas's DOM only; the MJML keeps the Liquid).
import type { Editor } from 'grapesjs';
import type { MjmlParser } from 'grapesjs-mjml';
import mjml2html from 'mjml-browser';
import { IMAGE_PLACEHOLDER } from './blocks';

const ATTRIBUTES = /<mj-attributes\b[^>]*>[\s\S]*?<\/mj-attributes>/i;

/** The <mj-attributes> of an MJML document ('' without one). */
export const attributesOf = (mjml: string): string => ATTRIBUTES.exec(mjml)?.[0] ?? '';

/** A parser for grapesjs-mjml that renders every element with the current document's attributes. */
export function parserWithAttributes(attributes: () => string): MjmlParser {
  const parse = (source: string, options?: object) => {
    const head = attributes();
    const withHead = head && !/<mj-head\b/i.test(source) ? source.replace(/<mjml\b[^>]*>/i, (root) => `${root}<mj-head>${head}</mj-head>`) : source;
    return mjml2html(withHead, options);
  };
  return parse as unknown as MjmlParser;
}

const LIQUID_SRC = /\{\{|\{%|%7B%7B|%7B%25/i;

function showPlaceholders(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (LIQUID_SRC.test(img.getAttribute('src') ?? '')) img.setAttribute('src', IMAGE_PLACEHOLDER);
  }
}

/** Keeps Liquid image addresses out of the canvas's DOM as it renders and re-renders. */
export function placeholdersForLiquidImages(editor: Editor): void {
  editor.on('canvas:frame:load', () => {
    const body = editor.Canvas.getDocument()?.body;
    if (!body) return;
    showPlaceholders(body);
    new MutationObserver(() => showPlaceholders(body)).observe(body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  });
}
