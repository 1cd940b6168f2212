// A saved block in a template is a link, not a copy. In what the editor edits, a link is one
// element, `<mj-raw data-block="blk_…" data-block-name="Footer"></mj-raw>`: the canvas shows it as
// the block, locked, and the code view reads it. In a stored version the link is expanded to the
// block's content as it was when the version was made, between two marker comments, so a version
// stays the exact MJML a journey was published with and every reader of versions (sending, the
// publish check, the simulator) reads plain MJML. Loading a version for the editor folds the
// expanded block back into its link (docs/email.md, "Saved blocks").

/** A link as the editor writes it (GrapesJS writes a closing tag; a hand-written one may self-close). */
const LINK = /<mj-raw\b([^>]*?)\sdata-block="([^"]+)"([^>]*?)(?:\/>|>\s*<\/mj-raw>)/g;
const NAME = /\sdata-block-name="([^"]*)"/;
/** A block expanded into a version, from its start marker to its end marker. */
const EXPANDED = /<mj-raw>\s*<!-- block (blk_[A-Za-z0-9_-]+) start: ([^>]*?) -->\s*<\/mj-raw>[\s\S]*?<mj-raw>\s*<!-- block \1 end -->\s*<\/mj-raw>/g;

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeAttribute = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** A name inside an HTML comment: no `--`, no `>`. */
const commentSafe = (s: string) => s.replace(/-{2,}/g, '-').replace(/>/g, '›');

export interface LinkedBlock { name: string; mjml: string }

/** The link element for a block (what an insert puts into the template). */
export const blockLink = (id: string, name: string) => `<mj-raw data-block="${escapeAttribute(id)}" data-block-name="${escapeAttribute(name)}"></mj-raw>`;

/** The ids of the blocks a body links to, with the name each link carries (for a missing one). */
export function linksIn(body: string): { id: string; name: string }[] {
  return [...body.matchAll(LINK)].map((m) => ({ id: m[2], name: unescapeAttribute(NAME.exec(m[1] + m[3])?.[1] ?? m[2]) }));
}

/** Each link replaced by its block's content between markers; links to blocks not in `blocks` are left and named. */
export function expandLinks(body: string, blocks: ReadonlyMap<string, LinkedBlock>): { body: string; missing: { id: string; name: string }[] } {
  const missing: { id: string; name: string }[] = [];
  const expanded = body.replace(LINK, (link, before: string, id: string, after: string) => {
    const block = blocks.get(id);
    if (!block) {
      missing.push({ id, name: unescapeAttribute(NAME.exec(before + after)?.[1] ?? id) });
      return link;
    }
    return `<mj-raw><!-- block ${id} start: ${commentSafe(block.name)} --></mj-raw>\n${block.mjml}\n<mj-raw><!-- block ${id} end --></mj-raw>`;
  });
  return { body: expanded, missing };
}

/** Each expanded block folded back into its link: the body as the editor edits it. */
export const foldLinks = (body: string): string => body.replace(EXPANDED, (_, id: string, name: string) => blockLink(id, name));

/** What a stored body holds before and after a block's id where it holds the block (to find its templates in SQL). */
export const MARKER = { before: '<!-- block ', after: ' start:' } as const;
export const expandedMarker = (id: string) => `${MARKER.before}${id}${MARKER.after}`;
