// A node type for the form's tests: one field per kind of widget, a plugin widget, and an
// 'sr-Latn' translation (with 'sr' for what it leaves out), as a plugin would write them.
import { dateTimeSchema, defineNodeType, definePlugin, durationSchema, itemIdSchema, keyValueSchema, next, type WidgetProps } from '@afterglow/node-sdk';
import { createElement } from 'react';
import { z } from 'zod';

const config = z.object({
  mode: z.enum(['sms', 'push', 'off']).meta({ label: 'Channel' }),
  message: z.string().min(1, 'Write the message').meta({ label: 'Message', placeholder: 'Hi {{ customer.firstName }}', showIf: { mode: ['sms', 'push'] } }),
  points: z.number().int().min(0).meta({ label: 'Points', unit: 'points' }),
  sendAt: dateTimeSchema({ label: 'Send at' }),
  delay: durationSchema({ label: 'Delay', min: 1 }),
  headers: keyValueSchema({ label: 'Headers' }),
  tokens: z.array(z.object({ key: z.string(), value: z.string().meta({ widget: 'secret' }) })).meta({ label: 'Tokens', widget: 'key-value' }),
  payload: z.record(z.string(), z.unknown()).meta({ label: 'Payload', widget: 'json' }),
  body: z.string().meta({ label: 'Body', widget: 'json' }),
  snippet: z.string().meta({ label: 'Snippet', widget: 'code', language: 'liquid' }),
  phone: z.string().meta({ label: 'Phone', widget: 'test-sms/phone' }),
  broken: z.string().meta({ label: 'Broken', widget: 'test-sms/broken' }),
  legacy: z.string().meta({ label: 'Legacy', widget: 'gone/widget' }),
  rows: z.array(z.object({ id: itemIdSchema(), name: z.string().meta({ label: 'Name', help: 'As the gateway names it' }) })).meta({ label: 'Rows' }),
  urgent: z.boolean().meta({ label: 'Urgent' }),
});

export const testNodeType = defineNodeType({
  id: 'test-sms/send',
  version: 1,
  category: 'action',
  config,
  defaults: {
    mode: 'sms', message: '', points: 0, sendAt: '2026-07-15T09:00:00+02:00', delay: { amount: 2, unit: 'hours' },
    headers: [{ key: 'X-Shop', value: 'trail' }], tokens: [{ key: 'api', value: 's3cret' }], payload: { a: 1 },
    body: '{ "to": "{{ customer.phone }}" }', snippet: 'Hi {{ customer.firstName }}', phone: '+381601234567', broken: '', legacy: 'kept',
    rows: [{ id: 'first_id', name: 'first' }], urgent: false,
  },
  ui: {
    label: 'Send SMS', description: 'Sends a text message.', icon: 'message', color: 'sky',
    branches: [{ id: 'sent', label: 'Sent' }, { id: 'skipped', label: 'Skipped' }],
    summary: (c, locale) => (locale?.startsWith('sr') ? `Poruka: ${c.message}` : `Message: ${c.message}`),
  },
  counters: [{ id: 'delivered', label: 'Delivered' }],
  execute: () => next('sent'),
  translations: {
    'sr-Latn': {
      label: 'Pošalji SMS',
      branches: { sent: 'Poslato' },
      counters: { delivered: 'Isporučeno' },
      fields: {
        mode: { label: 'Kanal', options: { sms: 'SMS poruka', off: 'Isključeno' } },
        message: { label: 'Poruka', placeholder: 'Zdravo {{ customer.firstName }}' },
        'rows.name': { label: 'Ime', help: 'Kako ga gateway zove' },
        'delay.unit': { options: { hours: 'sati' } },
      },
    },
    sr: { description: 'Šalje tekstualnu poruku.', fields: { points: { label: 'Poeni' } } },
  },
});

/** Shows its value and props in plain text, so a test can read what the form handed it. */
function PhoneWidget(props: WidgetProps) {
  return createElement('input', {
    id: props.id, 'data-testid': 'phone-widget', value: String(props.value), disabled: props.disabled, 'aria-invalid': props.invalid,
    'data-label': props.meta.label, 'data-mode': String(props.config.mode), onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  });
}

function BrokenWidget(): never {
  throw new Error('phone library missing');
}

export const testPlugin = definePlugin({ id: 'test-sms', nodeTypes: [testNodeType], widgets: { phone: PhoneWidget, broken: BrokenWidget } });
