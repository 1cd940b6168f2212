// The message editor's output, read from the element tree it returns (a function component
// without hooks: called as React would call it, no DOM needed).
import type { WidgetProps } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../sms/segments.js';
import { counterText, MessageWidget } from './MessageWidget.js';

interface Element { type: string; props: Record<string, unknown> & { children?: unknown } }

const render = (value: unknown, config: Record<string, unknown> = {}, patch: Partial<WidgetProps> = {}) => {
  const changes: unknown[] = [];
  const root = MessageWidget({
    id: 'cfg-message', value, onChange: (v) => changes.push(v), meta: { label: 'Message', placeholder: 'Hi {{ customer.firstName }}' },
    config, invalid: false, disabled: false, ...patch,
  }) as unknown as Element;
  const children = ([] as unknown[]).concat(root.props.children).filter(Boolean) as Element[];
  const byTestId = (id: string) => children.find((c) => c.props['data-testid'] === id)?.props.children;
  return { textarea: children[0], count: byTestId('sms-count'), sentAs: byTestId('sms-sent-as'), changes };
};

describe('the message widget', () => {
  it('edits the value in a textarea described by the live count', () => {
    const { textarea, count, changes } = render('Hi {{ customer.firstName }}!', { alphabet: 'keep' });
    expect(textarea.type).toBe('textarea');
    expect(textarea.props).toMatchObject({ id: 'cfg-message', value: 'Hi {{ customer.firstName }}!', placeholder: 'Hi {{ customer.firstName }}',
      'aria-describedby': 'cfg-message-sms-count', disabled: false, 'aria-invalid': false });
    // 28 characters, 32 units: { and } are in GSM-7's extension table (the filled-in text has none).
    expect(count).toBe('32/160 · 1 SMS · GSM-7');
    (textarea.props.onChange as (e: unknown) => void)({ target: { value: 'Zdravo' } });
    expect(changes).toEqual(['Zdravo']);
  });

  it('counts the text as it will be sent when the Latin alphabet is chosen, and shows it', () => {
    const text = 'Здраво Ђорђе, попуст 20%!';
    expect(render(text, { alphabet: 'keep' })).toMatchObject({ count: '25/70 · 1 SMS · UCS-2', sentAs: undefined });
    expect(render(text, { alphabet: 'latin' })).toMatchObject({ count: '27/160 · 1 SMS · GSM-7', sentAs: '→ Zdravo Djordje, popust 20%!' });
  });

  it('shows an empty editor for a value that is not text yet, and marks an invalid one', () => {
    expect(render(undefined)).toMatchObject({ count: '0/160 · 0 SMS · GSM-7', textarea: { props: { value: '' } } });
    expect(render('x', {}, { invalid: true, disabled: true }).textarea.props).toMatchObject({
      disabled: true, 'aria-invalid': true, className: expect.stringContaining('ring-rose-300'),
    });
  });

  it('says how much a long message holds across its parts', () => {
    expect(counterText(countSegments('a'.repeat(161)))).toBe('161/306 · 2 SMS · GSM-7');
    expect(counterText(countSegments('ж'.repeat(71)))).toBe('71/134 · 2 SMS · UCS-2');
  });
});
