// The MJML text as the canvas reads it and as the template stores it. GrapesJS parses MJML as
// HTML, where a self-closing custom tag (`<mj-image ... />`, as the starters write it) does not
// close and would swallow the elements after it: such tags get an explicit closing tag first.
const SELF_CLOSING = /<(mj-[a-z-]+)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/>/g;

export const forCanvas = (mjml: string): string => mjml.replace(SELF_CLOSING, '<$1$2></$1>');

// GrapesJS writes text as HTML, escaping `<`, `>` and `&`: inside Liquid (`{% if n > 0 %}`) those
// are operators, not text, and must come back as they were typed.
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#039;': "'", '&amp;': '&' };

export const fromCanvas = (html: string): string =>
  html.replace(LIQUID, (liquid) => liquid.replace(/&(?:lt|gt|quot|#039|amp);/g, (entity) => ENTITIES[entity]));
