// The MJML text as the canvas reads it and as the template stores it. GrapesJS parses MJML as
// HTML, where a self-closing custom tag (`<mj-image ... />`, as the starters write it) does not
// close and would swallow the elements after it: such tags get an explicit closing tag first.
const SELF_CLOSING = /<(mj-[a-z-]+)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/>/g;

export const forCanvas = (mjml: string): string => mjml.replace(SELF_CLOSING, '<$1$2></$1>');
