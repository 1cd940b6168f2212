// Where a body-level block goes after the selected element. The shop blocks are several body-level
// elements held together by Liquid (`{% for %}` ... `{% endfor %}` in <mj-raw>s): a block put right
// after one of their sections would land inside the loop or `if`. The insertion point moves on past
// every tag still open after the selected element, so a block always lands after a whole group.
const OPENS = /\{%-?\s*(for|if|unless|case|capture|tablerow)\b/g;
const CLOSES = /\{%-?\s*end(for|if|unless|case|capture|tablerow)\b/g;

/** Opened minus closed Liquid blocks in one body-level element's text (0 for an element without Liquid tags). */
export function liquidDepthChange(text: string): number {
  return (text.match(OPENS)?.length ?? 0) - (text.match(CLOSES)?.length ?? 0);
}

/**
 * The index to insert at after the body's child `after` (the texts of the body's children, in
 * order, given as each one's Liquid tags): past the closing part of any group `after` is inside.
 */
export function indexAfterGroup(children: readonly string[], after: number): number {
  let depth = 0;
  for (let i = 0; i <= after; i++) depth = Math.max(0, depth + liquidDepthChange(children[i]));
  let index = after + 1;
  while (depth > 0 && index < children.length) depth = Math.max(0, depth + liquidDepthChange(children[index++]));
  return index;
}
