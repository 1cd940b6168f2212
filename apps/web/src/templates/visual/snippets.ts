// A merge field from the menu, in the visual editor: typed at the cursor when a text is being
// edited; else added to the end of the selected text; else a new text block with just the field.
import type { Editor } from 'grapesjs';
import { insertBlock } from './insertBlock';

export function insertSnippet(editor: Editor, snippet: string): void {
  const rte = editor.RichTextEditor.globalRte;
  if (editor.getEditing() && rte) {
    rte.insertHTML(snippet);
    return;
  }
  const selected = editor.getSelected();
  if (selected?.is('mj-text')) {
    selected.components(`${selected.getInnerHTML()} ${snippet}`);
    return;
  }
  insertBlock(editor, { id: 'field', category: 'content', icon: 'tag', content: `<mj-text>${snippet}</mj-text>` });
}
