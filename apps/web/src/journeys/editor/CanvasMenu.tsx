// The right-click menu on a step (or the selection it belongs to).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { isMac } from './shortcuts';

export interface CanvasCommands {
  copy(): void;
  paste(): void;
  duplicate(): void;
  remove(): void;
}

export function CanvasMenu({ at, count, commands, onClose }: {
  at: { x: number; y: number }; count: number; commands: CanvasCommands; onClose(): void;
}) {
  const { t } = useTranslation('editor');
  useEffect(() => {
    const close = (e: Event) => (e.type !== 'keydown' || (e as KeyboardEvent).key === 'Escape') && onClose();
    window.addEventListener('keydown', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('blur', close);
    };
  }, [onClose]);
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const items = [
    { id: 'duplicate', icon: 'copy', run: commands.duplicate, keys: `${mod}D` },
    { id: 'copy', icon: 'copy', run: commands.copy, keys: `${mod}C` },
    { id: 'paste', icon: 'plus', run: commands.paste, keys: `${mod}V` },
    { id: 'delete', icon: 'trash', run: commands.remove, keys: 'Del' },
  ];
  return (
    <>
      <div className="fixed inset-0 z-40" onMouseDown={onClose} onContextMenu={(e) => { e.preventDefault(); onClose(); }} />
      <div role="menu" aria-label={t('menu.label', { count })} data-testid="canvas-menu" style={{ left: at.x, top: at.y }}
        className="absolute z-50 min-w-48 rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
        {items.map((item) => (
          <button key={item.id} type="button" role="menuitem" data-testid={`menu-${item.id}`}
            onClick={() => { item.run(); onClose(); }}
            className={`flex w-full items-center gap-2 px-3 py-1.5 text-left hover:bg-slate-50 ${item.id === 'delete' ? 'text-rose-600' : 'text-slate-700'}`}>
            <Icon name={item.icon} className="h-3.5 w-3.5" />
            <span className="flex-1">{t(`menu.${item.id}`, { count })}</span>
            <kbd className="text-xs text-slate-400">{item.keys}</kbd>
          </button>
        ))}
      </div>
    </>
  );
}
