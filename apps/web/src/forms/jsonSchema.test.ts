import { localizeNode, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { fieldError, formSchemaOf, isVisible, metaOf } from './jsonSchema';
import { jsonTemplateProblem, parseJsonText } from './jsonText';
import { testNodeType } from './testNodeType';
import { chooseWidget } from './widgetChoice';

const fields = formSchemaOf(testNodeType).properties!;
const plugins = new Set(['test-sms/phone', 'test-sms/broken']);
const widgetOf = (key: string) => chooseWidget(fields[key], (name) => plugins.has(name));

describe('the form of a config schema', () => {
  it('keeps every .meta() hint on its field', () => {
    expect(fields.message).toMatchObject({ label: 'Message', placeholder: 'Hi {{ customer.firstName }}', showIf: { mode: ['sms', 'push'] } });
    expect(fields.points).toMatchObject({ label: 'Points', unit: 'points', type: 'integer', minimum: 0 });
    expect(fields.snippet).toMatchObject({ widget: 'code', language: 'liquid' });
    expect(fields.delay.properties!.unit.enum).toEqual(['minutes', 'hours', 'days', 'weeks']);
    expect(fields.tokens.items!.properties!.value.widget).toBe('secret');
    expect(metaOf(fields.message)).toEqual({ label: 'Message', placeholder: 'Hi {{ customer.firstName }}', showIf: { mode: ['sms', 'push'] } });
  });

  it('picks the widget a field names, else its type\'s default', () => {
    expect(widgetOf('sendAt')).toEqual({ kind: 'built-in', widget: 'datetime' });
    expect(widgetOf('delay')).toEqual({ kind: 'built-in', widget: 'duration' });
    expect(widgetOf('headers')).toEqual({ kind: 'built-in', widget: 'key-value' });
    expect(widgetOf('payload')).toEqual({ kind: 'built-in', widget: 'json' });
    expect(widgetOf('snippet')).toEqual({ kind: 'built-in', widget: 'code' });
    expect(widgetOf('phone')).toEqual({ kind: 'plugin', name: 'test-sms/phone' });
    expect(widgetOf('mode')).toEqual({ kind: 'built-in', widget: 'select' });
    expect(widgetOf('points')).toEqual({ kind: 'built-in', widget: 'number' });
    expect(widgetOf('urgent')).toEqual({ kind: 'built-in', widget: 'checkbox' });
    expect(widgetOf('rows')).toEqual({ kind: 'built-in', widget: 'list' });
    expect(widgetOf('message')).toEqual({ kind: 'built-in', widget: 'text' });
  });

  it('falls back to the default input for a widget nobody has, naming it', () => {
    expect(widgetOf('legacy')).toEqual({ kind: 'built-in', widget: 'text', unknown: 'gone/widget' });
    expect(chooseWidget(fields.phone, () => false)).toEqual({ kind: 'built-in', widget: 'text', unknown: 'test-sms/phone' });
    expect(chooseWidget({ type: 'object', widget: 'colour-wheel', properties: {} }, () => false)).toEqual({ kind: 'built-in', widget: 'fields', unknown: 'colour-wheel' });
  });

  it('shows a field while its sibling holds the value or one of the listed values', () => {
    expect(isVisible(fields.message, { mode: 'sms' })).toBe(true);
    expect(isVisible(fields.message, { mode: 'push' })).toBe(true);
    expect(isVisible(fields.message, { mode: 'off' })).toBe(false);
    expect(isVisible({ showIf: { mode: 'sms' } }, { mode: 'push' })).toBe(false);
  });

  it('finds a composite field\'s errors under its parts when asked', () => {
    const errors = new Map([['delay.amount', 'At least 1'], ['rows.0.name', 'Name it']]);
    expect(fieldError(errors, 'delay', true)).toBe('At least 1');
    expect(fieldError(errors, 'delay', false)).toBeUndefined();
    expect(fieldError(errors, 'rows', false)).toBeUndefined();
    expect(fieldError(new Map([['delay', 'Required']]), 'delay', true)).toBe('Required');
  });
});

describe('node type texts in the user\'s language', () => {
  const serbian = formSchemaOf(testNodeType, 'sr-Latn-RS').properties!;

  it('translates labels, placeholders, help and option labels by field path, list items included', () => {
    expect(serbian.mode.label).toBe('Kanal');
    expect(serbian.mode.options).toEqual([
      { value: 'sms', label: 'SMS poruka' }, { value: 'push', label: 'push' }, { value: 'off', label: 'Isključeno' }]);
    expect(serbian.message).toMatchObject({ label: 'Poruka', placeholder: 'Zdravo {{ customer.firstName }}' });
    expect(serbian.rows.items!.properties!.name).toMatchObject({ label: 'Ime', help: 'Kako ga gateway zove' });
    expect(serbian.delay.properties!.unit.options!.map((o) => o.label)).toEqual(['minutes', 'sati', 'days', 'weeks']);
  });

  it('falls back from sr-Latn to sr, then to English', () => {
    expect(serbian.points.label).toBe('Poeni');
    expect(serbian.sendAt.label).toBe('Send at');
    const text = localizeNode(testNodeType, 'sr-Latn');
    expect([text.label, text.description, text.branch('sent', 'Sent'), text.branch('skipped', 'Skipped')])
      .toEqual(['Pošalji SMS', 'Šalje tekstualnu poruku.', 'Poslato', 'Skipped']);
    expect(text.counter(testNodeType.counters![0])).toBe('Isporučeno');
    expect(summaryOf(testNodeType, { ...testNodeType.defaults, message: 'Zdravo' }, 'sr-Latn')).toBe('Poruka: Zdravo');
  });

  it('leaves English as written, and keeps one form per locale', () => {
    expect(formSchemaOf(testNodeType, 'en-GB').properties!.mode.label).toBe('Channel');
    expect(fields.mode.label).toBe('Channel');
    expect(fields.mode.options).toBeUndefined();
    expect(formSchemaOf(testNodeType, 'sr-Latn-RS')).toBe(formSchemaOf(testNodeType, 'sr-Latn-RS'));
  });
});

describe('JSON typed into the json widget', () => {
  it('accepts merge fields as values and names the line of a syntax error', () => {
    expect(jsonTemplateProblem('{ "to": "{{ customer.phone }}", "event": {{ event }} }')).toBeNull();
    expect(jsonTemplateProblem('')).toBeNull();
    expect(jsonTemplateProblem('{\n  "to": "x",\n}')).toEqual({ kind: 'syntax', line: 3, detail: 'Expected double-quoted property name' });
    expect(jsonTemplateProblem('{\n  "to": {{ customer.phone\n }} x }')).toMatchObject({ kind: 'syntax', line: 3 });
  });

  it('parses a value, or says why not', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('  ')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(parseJsonText('{"a": }')).toEqual({ ok: false, problem: { kind: 'syntax', line: null, detail: 'Unexpected token \'}\'' } });
  });
});
