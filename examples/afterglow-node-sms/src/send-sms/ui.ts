// What both versions of Send SMS share on the canvas: look, branches and counters. `sent` and
// `undelivered` are added by the gateway's answers, `delivered` and `undelivered` by Twilio's
// status callbacks, `skipped` by the step itself (no phone, no consent, the frequency cap).
import type { CounterSpec, FieldMeta, NodeUi } from '@afterglow/node-sdk';

export const look: Omit<NodeUi<unknown>, 'summary'> = {
  label: 'Send SMS',
  description: 'Sends a text message through your SMS gateway (Twilio), with merge fields, honouring consent and quiet hours.',
  icon: 'message',
  color: 'sky',
  branches: [{ id: 'out', label: 'Then' }],
};

export const counters: readonly CounterSpec[] = [
  { id: 'sent', label: 'Sent' },
  { id: 'delivered', label: 'Delivered', tone: 'good' },
  { id: 'undelivered', label: 'Not delivered', tone: 'bad' },
  { id: 'skipped', label: 'Skipped' },
];

export const kindField = {
  label: 'Type',
  widget: 'select',
  options: [
    { value: 'marketing', label: 'Marketing (needs SMS consent)' },
    { value: 'transactional', label: 'Transactional (order updates)' },
  ],
  help: 'Marketing SMS go only to customers with smsConsent true; nobody with smsConsent false gets any SMS',
} satisfies FieldMeta;
