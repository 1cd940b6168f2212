// The Send email step in Chromium: the workspace's sender set in Settings, a step added to a
// journey, a saved template picked, its preview shown with the demo's first customer (and then
// a Slovenian one, in Slovene), merge-field problems beside the step's own subject as it is
// typed, and a test send from the step that reaches the development SMTP sink from the sender.
import { expect, it } from 'vitest';
import { WIN_BACK_JOURNEY_ID } from '../../apps/server/src/seed/win-back';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 1000 } });

it('picks a template, previews it with real customers, shows problems as typed, sends a test', { timeout: 240_000 }, async () => {
  const { app, page } = env;
  const sql = app.database.sql;
  const workspaceId = app.demo!.workspaceId;
  const [template] = await sql<{ id: string; name: string }[]>`
    select id, name from email_templates where workspace_id = ${workspaceId} and starter = 'review-request'`;
  const [first] = await sql<{ firstName: string }[]>`select first_name as "firstName" from customers where workspace_id = ${workspaceId} and id = 'cust_0001'`;
  await env.logIn();

  // The workspace's sender, in Settings.
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('sender-settings');
  await card.getByLabel('From name').fill('Sjaj Shop');
  await card.getByLabel('From address').fill('not-an-address');
  await card.getByRole('button', { name: 'Save sender' }).click();
  await waitForText(card.getByRole('alert'), (t) => t.includes('fromAddress must be an email address'));
  await card.getByLabel('From address').fill('hello@sjaj.example');
  await card.getByLabel('Reply-to address').fill('help@sjaj.example');
  await card.getByRole('button', { name: 'Save sender' }).click();
  await card.getByRole('status').waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'send-step-sender-settings');

  // The template's own reply-to, in its editor; the workspace's sender shows where fields are empty.
  await page.goto(`${app.url}/templates/${template.id}`);
  await page.getByTestId('template-sender').click();
  const dialog = page.getByRole('dialog', { name: "This template's sender" });
  await expect.poll(() => dialog.getByLabel('From address').getAttribute('placeholder')).toBe('hello@sjaj.example');
  await dialog.getByLabel('Reply-to address').fill('reviews@sjaj.example');
  await screenshot(page, 'send-step-template-sender');
  await dialog.getByRole('button', { name: 'Save sender' }).click();
  await dialog.waitFor({ state: 'detached' });

  // A new Send email step in Win back: pick the saved template.
  await page.goto(`${app.url}/journeys/${WIN_BACK_JOURNEY_ID}`);
  await page.getByTestId('palette-core/send-email').click();
  const step = page.locator('[data-node-type="core/send-email"]').last();
  await step.click();
  const panel = page.getByTestId('config-panel');
  await panel.getByLabel('Template', { exact: true }).selectOption(template.id);
  const preview = panel.getByTestId('step-preview');
  await waitForText(preview.getByTestId('step-preview-subject'), (t) => t === `${first.firstName}, how do you like your new things?`);
  expect(await preview.getByTestId('step-preview-locale').textContent()).toBe('English');
  await preview.frameLocator('[data-testid="step-preview-frame"]').getByText(first.firstName).first().waitFor();
  await preview.scrollIntoViewIfNeeded();
  await screenshot(page, 'send-step-preview');

  // Another customer, in their own language.
  const slovenes = await sql<{ id: string }[]>`select id from customers where workspace_id = ${workspaceId} and locale like 'sl%' and email is not null`;
  const offered = await preview.getByTestId('step-preview-customer').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const slovene = offered.find((id) => slovenes.some((s) => s.id === id))!;
  await preview.getByTestId('step-preview-customer').selectOption(slovene);
  await waitForText(preview.getByTestId('step-preview-locale'), (t) => t === 'Slovenian');
  await waitForText(preview.getByTestId('step-preview-subject'), (t) => !t.includes('how do you like'));
  await screenshot(page, 'send-step-preview-sl');

  // A test send from the step: to the signed-in user, from the workspace's sender.
  await preview.getByTestId('step-preview-customer').selectOption('cust_0001');
  await waitForText(preview.getByTestId('step-preview-locale'), (t) => t === 'English');
  await preview.getByRole('button', { name: 'Send a test' }).click();
  await expect.poll(() => page.getByLabel('Send to').inputValue()).toBe(env.demo.email);
  await page.getByRole('button', { name: 'Send test' }).click();
  await page.getByText('Sent to').waitFor();
  await expect.poll(async () => (await sql<{ subject: string; from: string; replyTo: string }[]>`
    select subject, headers->>'from' as from, headers->>'reply-to' as "replyTo" from dev_mailbox where to_addresses ? ${env.demo.email}`)
    .map((r) => `${r.subject} | ${r.from} | ${r.replyTo}`), { timeout: 20_000 })
    .toEqual([`[Test] ${first.firstName}, how do you like your new things? | Sjaj Shop <hello@sjaj.example> | reviews@sjaj.example`]);
  await page.getByRole('button', { name: 'Done' }).click();

  // The step's own text: a mistyped merge field and a Liquid error show beside the subject as typed.
  await panel.getByLabel('Template', { exact: true }).selectOption('');
  const subject = panel.getByLabel('Subject', { exact: true });
  await subject.fill('Hi {{ customer.frstName }}');
  await waitForText(panel, (t) => t.includes('unknown merge field "customer.frstName"'));
  await subject.fill('Hi {{ customer.firstName ');
  await waitForText(preview.getByTestId('step-preview-problems'), (t) => t.startsWith('Subject:') && !t.includes('frstName'));
  await screenshot(page, 'send-step-problems');
  await subject.fill('Hi {{ customer.firstName }}');
  await waitForText(preview.getByTestId('step-preview-problems'), (t) => t.includes('No merge-field problems'));
});
