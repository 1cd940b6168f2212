// @vitest-environment happy-dom
// The generated form as a marketer uses it: plugin widgets from a registry passed as a prop,
// a crashing widget kept to its field, the built-in widgets' values, and translated labels.
// CodeMirror itself is exercised in the browser test; here a text area stands in for it.
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { switchLanguage } from '../i18n';
import { browserTimeZone, localInputToIso } from './dateTime';
import { formSchemaOf } from './jsonSchema';
import { pluginWidgets } from './pluginWidgets';
import { SchemaForm } from './SchemaForm';
import { testNodeType, testPlugin } from './testNodeType';

vi.mock('./CodeEditor', () => ({
  default: (p: { id: string; value: string; onChange(v: string): void }) =>
    createElement('textarea', { id: p.id, 'data-testid': `${p.id}-code`, value: p.value, onChange: (e: { target: { value: string } }) => p.onChange(e.target.value) }),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const widgets = pluginWidgets([testPlugin]);
type Config = Record<string, unknown>;

let root: Root;
let host: HTMLElement;
let config: Config;
let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;

/** Renders the test node type's form (the code editor's chunk loaded) and tracks its value in `config`. */
async function render(opts: { locale?: string; errors?: Map<string, string>; disabled?: boolean } = {}) {
  function Host() {
    const [value, setValue] = useState<Config>(() => structuredClone(testNodeType.defaults) as Config);
    config = value;
    return createElement(SchemaForm, { schema: formSchemaOf(testNodeType, opts.locale), value, onChange: setValue,
      errors: opts.errors ?? new Map(), idPrefix: 'cfg', widgets, disabled: opts.disabled });
  }
  await act(async () => root.render(createElement(Host)));
}

const $ = <T extends Element = HTMLInputElement>(selector: string) => {
  const el = host.querySelector<T>(selector);
  if (!el) throw new Error(`Not rendered: ${selector}`);
  return el;
};

/** Sets a control's value the way typing does, so React's onChange fires. */
function enter(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  act(() => { el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true })); });
}
const click = (el: Element) => act(() => { (el as HTMLElement).click(); });
const byText = (text: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => {
  // The form warns of unknown widgets, React logs a widget's crash: both are asserted, not printed.
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('plugin widgets', () => {
  it('renders a plugin\'s widget with the SDK\'s WidgetProps, on the server too', async () => {
    const html = renderToString(createElement(SchemaForm, {
      schema: { type: 'object', properties: { phone: formSchemaOf(testNodeType).properties!.phone } },
      value: { phone: '+38160', mode: 'push' }, onChange: () => {}, errors: new Map([['phone', 'Not a number']]), idPrefix: 'cfg', widgets,
    }));
    const widget = /<input id="cfg-phone" data-testid="phone-widget"[^>]*>/.exec(html)?.[0];
    for (const attribute of ['value="+38160"', 'aria-invalid="true"', 'data-label="Phone"', 'data-mode="push"']) expect(widget).toContain(attribute);
  });

  it('passes changes up, and keeps a crashing widget to an inline error on its field', async () => {
    await render({ disabled: false });
    enter($('[data-testid=phone-widget]'), '+381609999999');
    expect(config.phone).toBe('+381609999999');
    const alert = $<HTMLElement>('[role=alert]');
    expect(alert.textContent).toContain('The widget test-sms/broken failed: phone library missing');
    expect($('#cfg-urgent').type).toBe('checkbox'); // the fields after it are still there
    expect(error).toHaveBeenCalled();
  });

  it('falls back to the default input for a widget nobody has, and says so once', async () => {
    let value: Config = { old: 'kept' };
    const schema = { type: 'object' as const, properties: { old: { type: 'string' as const, label: 'Old', widget: 'nobody/here' } } };
    const draw = () => act(() => root.render(createElement(SchemaForm, { schema, value, onChange: (next) => { value = next; }, errors: new Map(), idPrefix: 'cfg' })));
    draw();
    enter($('#cfg-old'), 'still editable');
    draw();
    expect(value.old).toBe('still editable');
    expect($('#cfg-old').type).toBe('text');
    expect(warn.mock.calls.filter(([m]) => String(m).includes('"nobody/here"'))).toHaveLength(1);
  });

  it('tells a plugin widget when the form is read-only', async () => {
    await render({ disabled: true });
    expect($('[data-testid=phone-widget]').disabled).toBe(true);
  });
});

describe('built-in widgets', () => {
  it('edits a date-time on the browser\'s clock and stores it with the offset', async () => {
    await render();
    expect($('#cfg-sendAt').type).toBe('datetime-local');
    enter($('#cfg-sendAt'), '2026-12-24T09:30');
    expect(config.sendAt).toBe(localInputToIso('2026-12-24T09:30', browserTimeZone()));
    expect($('[data-testid=cfg-sendAt-zone]').textContent).toContain(browserTimeZone());
    click($('[aria-label="Clear Send at"]'));
    expect(config.sendAt).toBe('');
  });

  it('edits a duration as an amount and a unit, and shows its parts\' errors', async () => {
    await render({ errors: new Map([['delay.amount', 'At least 1']]) });
    enter($('#cfg-delay'), '5');
    enter($<HTMLSelectElement>('[aria-label="Delay: unit"]'), '2');
    expect(config.delay).toEqual({ amount: 5, unit: 'days' });
    expect($<HTMLElement>('[data-testid="field-error-delay"]').textContent).toBe('At least 1');
  });

  it('edits key-value rows, adding and removing, with secret values unseen', async () => {
    await render();
    click(byText('+ Add'));
    enter($('#cfg-headers-1-key'), 'Authorization');
    enter($('#cfg-headers-1-value'), 'Bearer t');
    click($('[aria-label="Remove name 1"]'));
    expect(config.headers).toEqual([{ key: 'Authorization', value: 'Bearer t' }]);
    expect($('#cfg-headers-0-value').type).toBe('text');
    expect($('#cfg-tokens-0-value').type).toBe('password');
  });

  it('keeps a JSON value until the text parses, and names the problem meanwhile', async () => {
    await render();
    enter($<HTMLTextAreaElement>('#cfg-payload'), '{ "a": 2, }');
    expect(config.payload).toEqual({ a: 1 });
    expect($<HTMLElement>('[data-testid="json-problem-payload"]').textContent).toMatch(/^Not valid JSON \(line 1\)/);
    enter($<HTMLTextAreaElement>('#cfg-payload'), '{ "a": 2 }');
    expect(config.payload).toEqual({ a: 2 });
    expect(host.querySelector('[data-testid="json-problem-payload"]')).toBeNull();
  });

  it('stores JSON text as typed, merge fields allowed, and checks its syntax', async () => {
    await render();
    enter($<HTMLTextAreaElement>('#cfg-body'), '{ "to": {{ customer.phone }} ');
    expect(config.body).toBe('{ "to": {{ customer.phone }} ');
    expect($<HTMLElement>('[data-testid="json-problem-body"]').textContent).toMatch(/^Not valid JSON/);
  });

  it('gives a list item an id of its own when added, never shows it, and keeps it when an item above is removed', async () => {
    await render();
    const rows = () => config.rows as { id: string; name: string }[];
    click(byText('+ Add to “Rows”'));
    const [first, added] = rows();
    expect(first.id).toBe('first_id');
    expect(added.id).toMatch(/^[a-z0-9]{10}$/);
    expect(host.querySelector('[id$="-id"]')).toBeNull();
    expect([...host.querySelectorAll('label')].map((l) => l.textContent)).not.toContain('Id');
    enter($('#cfg-rows-rows-1-name'), 'second');
    click($('[aria-label="Remove Rows 1"]'));
    expect(rows()).toEqual([{ id: added.id, name: 'second' }]);
    expect($('#cfg-rows-rows-0-name').value).toBe('second');
  });

  it('shows units, placeholders, and a field only while its sibling holds one of the listed values', async () => {
    await render();
    expect($<HTMLElement>('[data-testid=field-unit]').textContent).toBe('points');
    expect($('#cfg-message').placeholder).toBe('Hi {{ customer.firstName }}');
    enter($<HTMLSelectElement>('#cfg-mode'), '1');
    expect(config.mode).toBe('push');
    expect(host.querySelector('#cfg-message')).not.toBeNull();
    enter($<HTMLSelectElement>('#cfg-mode'), '2');
    expect(host.querySelector('#cfg-message')).toBeNull();
  });
});

describe('translated labels', () => {
  it('shows the node type\'s texts in the locale given', async () => {
    await render({ locale: 'sr-Latn' });
    expect($<HTMLLabelElement>('label[for=cfg-mode]').textContent).toBe('Kanal');
    expect([...$<HTMLSelectElement>('#cfg-mode').options].map((o) => o.textContent)).toEqual(['SMS poruka', 'push', 'Isključeno']);
    expect($('#cfg-message').placeholder).toBe('Zdravo {{ customer.firstName }}');
    expect($<HTMLLabelElement>('label[for=cfg-points]').textContent).toBe('Poeni');
  });
});

describe('the form\'s own words', () => {
  afterEach(() => switchLanguage('en'));

  it('are in the user\'s language: lists, units, dates, JSON problems, a failed widget', async () => {
    await switchLanguage('ru');
    await render({ locale: 'ru' });
    expect([...$<HTMLSelectElement>('[aria-label="Delay: единица"]').options].map((o) => o.textContent)).toEqual(['минут', 'часов', 'дней', 'недель']);
    expect($<HTMLElement>('[data-testid=cfg-sendAt-zone]').textContent).toMatch(/^Время: .+ \(UTC[+-]\d\d:\d\d\)$/);
    click($('[aria-label="Очистить: Send at"]'));
    expect(config.sendAt).toBe('');
    click(byText('+ Добавить'));
    expect(config.headers).toHaveLength(2);
    expect(byText('+ Добавить в «Rows»')).toBeDefined();
    enter($<HTMLTextAreaElement>('#cfg-payload'), '{ "a": 2, }');
    expect($<HTMLElement>('[data-testid="json-problem-payload"]').textContent).toMatch(/^Некорректный JSON \(строка 1\): /);
    expect($<HTMLElement>('[role=alert]').textContent).toContain('Виджет test-sms/broken не сработал: phone library missing');
  });
});

