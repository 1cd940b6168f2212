// A step saved before its node type gained fields (Wait before its date modes) opens with those
// fields showing their defaults, which is what the schema reads them as, not an empty choice.
import { wait } from '@afterglow/nodes';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formSchemaOf } from './jsonSchema';
import { SchemaForm } from './SchemaForm';

describe('a config saved before a field existed', () => {
  it('shows the field’s default in its input', () => {
    const saved = { mode: 'window', amount: 3, unit: 'days', weekday: -1, hour: 10 };
    const html = renderToString(createElement(SchemaForm, { schema: formSchemaOf(wait, 'en'), value: saved, onChange: () => {}, errors: new Map(), idPrefix: 'cfg' }));
    const selected = (field: string) => new RegExp(`id="cfg-${field}"[^>]*>(?:(?!</select>).)*<option[^>]*selected=""[^>]*>([^<]*)<`).exec(html)?.[1];
    expect(selected('from')).toBe('the event that started the journey');
    expect(/id="cfg-minDays"[^>]*value="7"/.test(html) || /value="7"[^>]*id="cfg-minDays"/.test(html)).toBe(true);
  });
});
