// The canvas's keyboard shortcuts, one list for the key handler and the help dialog (`?`).
import { useEffect } from 'react';

export interface ShortcutHandlers {
  copy(): void;
  paste(): void;
  duplicate(): void;
  remove(): void;
  selectAll(): void;
  help(): void;
}

/** Each shortcut with its message key; `mod` is Ctrl (⌘ on a Mac). */
export const SHORTCUTS = [
  { keys: ['mod', 'Z'], label: 'undo' },
  { keys: ['mod', 'Shift', 'Z'], label: 'redo' },
  { keys: ['mod', 'C'], label: 'copy' },
  { keys: ['mod', 'V'], label: 'paste' },
  { keys: ['mod', 'D'], label: 'duplicate' },
  { keys: ['mod', 'A'], label: 'selectAll' },
  { keys: ['Delete'], label: 'delete' },
  { keys: ['mod', 'click'], label: 'addToSelection' },
  { keys: ['Shift', 'click'], label: 'selectRange' },
  { keys: ['Shift', 'drag'], label: 'boxSelect' },
  { keys: ['?'], label: 'help' },
] as const;

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys on the canvas; a text field or an open dialog keeps its own. Off (null) in live stats. */
export function useCanvasShortcuts(handlers: ShortcutHandlers | null) {
  useEffect(() => {
    if (!handlers) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'c') handlers.copy();
      else if (mod && key === 'v') handlers.paste();
      else if (mod && key === 'd') handlers.duplicate();
      else if (mod && key === 'a') handlers.selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) handlers.remove();
      else if (!mod && e.key === '?') handlers.help();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
