// Who journey emails are from, through the real engine and a real SMTP server: the template's
// own sender, else the workspace's default, else the server's; From and Reply-To chosen apart
// (a template may change only where replies go).
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';
let t: JourneyTest;
let own = '';
let plain = '';
let customers = 0;

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-12-02T09:00:00Z' });
  const template = async (name: string) => {
    const { id } = await t.api.templates.create({ name }) as { id: string };
    await t.api.templates.save({ id, name, kind: 'transactional', subject: `${name} {{ customer.firstName }}`, preheader: '', body, language: 'en', variants: {} });
    return id;
  };
  own = await template('Club');
  plain = await template('Plain');
  await t.api.templates.saveSender({ id: own, sender: { fromName: 'Boot Club', fromAddress: 'club@sjaj.example', replyTo: 'club-help@sjaj.example' } });
  await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Club News' }).then(sendEmail, { templateId: own, kind: 'transactional' }), { name: 'Club' });
  await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Parcel Sent' }).then(sendEmail, { templateId: plain, kind: 'transactional' }), { name: 'Plain' });
}, 120_000);
afterAll(() => t?.close());

/** One new customer gets `event`'s email: its From and Reply-To as their mail client shows them. */
async function senderOf(event: string) {
  const email = `c${++customers}@example.com`;
  await t.identify(`c${customers}`, { email, firstName: `C${customers}` });
  await t.track(`c${customers}`, event, {});
  await t.settle();
  const [mail] = t.emails(email);
  const from = mail.parsed.from?.value[0];
  return { from: `${from?.name ?? ''} <${from?.address ?? ''}>`, replyTo: mail.parsed.replyTo?.value.map((v) => v.address).join(', ') ?? null };
}

it('uses the server’s sender until the workspace names one', async () => {
  expect(await senderOf('Parcel Sent')).toEqual({ from: 'Afterglow Demo Shop <shop@afterglow.local>', replyTo: null });
});

it('uses the workspace’s sender for templates without their own, the template’s own above it', async () => {
  await t.api.sender.saveSettings({ fromName: 'Sjaj', fromAddress: 'shop@sjaj.example', replyTo: 'help@sjaj.example' });
  expect(await senderOf('Parcel Sent')).toEqual({ from: 'Sjaj <shop@sjaj.example>', replyTo: 'help@sjaj.example' });
  expect(await senderOf('Club News')).toEqual({ from: 'Boot Club <club@sjaj.example>', replyTo: 'club-help@sjaj.example' });
});

it('takes each part apart: a template naming only a reply-to keeps the workspace’s From', async () => {
  await t.api.templates.saveSender({ id: plain, sender: { fromName: '', fromAddress: '', replyTo: 'orders@sjaj.example' } });
  expect(await senderOf('Parcel Sent')).toEqual({ from: 'Sjaj <shop@sjaj.example>', replyTo: 'orders@sjaj.example' });
  // A workspace address without a name is the bare address.
  await t.api.sender.saveSettings({ fromName: '', fromAddress: 'shop@sjaj.example', replyTo: '' });
  await t.api.templates.saveSender({ id: plain, sender: null });
  expect(await senderOf('Parcel Sent')).toEqual({ from: ' <shop@sjaj.example>', replyTo: null });
});
