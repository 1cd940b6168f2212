// A text input that offers suggestions (a WAI-ARIA combobox, by downshift) and keeps whatever
// is typed: the event and property pickers suggest what the workspace received, but a name
// not received yet must stay possible. Leaving the field or pressing Escape never changes it.
import { useCombobox } from 'downshift';
import type { ReactNode } from 'react';
import { inputClass } from '../ui/kit';

export interface SuggestInputProps<T> {
  id: string;
  value: string;
  onChange(value: string): void;
  /** What is offered for the current text (already searched). */
  items: T[];
  /** The text an item puts into the input. */
  valueOf(item: T): string;
  render(item: T): ReactNode;
  placeholder?: string;
  className?: string;
  /** Shown in the open list when nothing is offered. */
  empty?: ReactNode;
  /** The input's name when no label points at it. */
  ariaLabel?: string;
}

export function SuggestInput<T>({ id, value, onChange, items, valueOf, render, placeholder, className = '', empty, ariaLabel }: SuggestInputProps<T>) {
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<T>({
    items,
    inputId: id,
    menuId: `${id}-options`,
    inputValue: value,
    itemToString: (item) => (item ? valueOf(item) : ''),
    onInputValueChange: ({ inputValue }) => onChange(inputValue ?? ''),
    stateReducer: (state, { type, changes }) => {
      const keep = type === useCombobox.stateChangeTypes.InputBlur || type === useCombobox.stateChangeTypes.InputKeyDownEscape;
      return keep ? { ...changes, inputValue: state.inputValue, selectedItem: state.selectedItem } : changes;
    },
  });
  return (
    <div className="relative">
      <input {...getInputProps({ placeholder, 'aria-label': ariaLabel, className: `${inputClass} ${className}` })} />
      <ul {...getMenuProps()} className={`absolute z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200 ${isOpen ? '' : 'hidden'}`}>
        {isOpen && items.map((item, index) => (
          <li key={`${valueOf(item)}-${index}`} {...getItemProps({ item, index })}
            className={`cursor-pointer px-3 py-2 text-sm ${highlightedIndex === index ? 'bg-violet-50' : ''}`}>
            {render(item)}
          </li>
        ))}
        {isOpen && items.length === 0 && empty && <li className="px-3 py-2 text-xs text-slate-500">{empty}</li>}
      </ul>
    </div>
  );
}
