// From which report a suppression came, in Chromium (issue 21): Settings → Consent and
// suppressions and the customer page open the report under the why (source, reason, status, the
// server's words, how it was tied, the email it answered with a link to its journey), in English
// and Russian; lifting still works. The Bounces card's return-path domain: a bad one refused as
// it is typed, a good one saved, the VERP hint naming it.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it('shows the report behind a suppression, and sets the return-path domain', { timeout: 180_000 }, async () => {
  const { page, app } = env;
  const sql = app.database.sql;
  const ws = env.demo.workspaceId;
  const [customer] = await sql<{ id: string; email: string }[]>`
    select id, email from customers where workspace_id = ${ws} and email is not null order by id limit 1`;
  const [journey] = await sql<{ id: string; name: string }[]>`select id, name from journeys where workspace_id = ${ws} order by name limit 1`;
  const address = customer.email.toLowerCase();
  const [email] = await sql<{ id: string }[]>`
    insert into email_outbox (workspace_id, effect_key, customer_id, journey_id, to_address, from_address, subject, html, message_id,
      status, sent_at, next_attempt_at, created_at)
    values (${ws}, 'report-shown', ${customer.id}, ${journey.id}, ${address}, 'shop@afterglow.local', 'Your spring picks', 'h',
      '<report.shown@afterglow>', 'sent', now() - interval '2 days', now(), now() - interval '2 days') returning id`;
  const report = {
    source: 'postmark', matchedBy: 'message_id', type: 'bounce', hard: true, reason: 'user_unknown', status: '5.1.1',
    diagnostic: 'smtp; 550 5.1.1 <' + address + '>: Recipient address rejected: User unknown in virtual mailbox table',
    at: new Date(Date.now() - 86_400_000).toISOString(), eventId: null,
  };
  await sql`insert into email_suppressions (workspace_id, address, reason, detail, facts, report, outbox_id, created_at) values
    (${ws}, ${address}, 'hard_bounce', 'Bounced after delivery: 5.1.1', ${sql.json({ reason: 'user_unknown' })}, ${sql.json(report)}, ${email.id}, now())`;
  await env.logIn();

  // Settings: the return-path domain, refused while it is no domain, saved once it is.
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('soft-bounces');
  const domain = card.getByTestId('return-path-domain');
  await domain.fill('not a domain');
  await card.getByText('Enter a domain name such as bounces.yourshop.com').waitFor();
  expect(await card.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  await domain.fill('Bounces.Shop.Example');
  await card.getByTestId('verp-hint').getByText('bounces+…@bounces.shop.example', { exact: false }).waitFor();
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved').waitFor();
  const [{ settings }] = await sql`select settings from workspaces where id = ${ws}`;
  expect(settings.bounces).toMatchObject({ returnPathDomain: 'bounces.shop.example' });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'settings-bounces-return-path-en.png') });

  // The suppression list: the report opened under the why.
  const row = page.getByTestId('suppressions').locator('li', { hasText: address });
  await row.getByText('From a report via Postmark').click();
  const detail = row.getByTestId('suppression-report');
  await detail.getByTestId('report-status').getByText('5.1.1').waitFor();
  expect(await detail.getByTestId('report-reason').textContent()).toBe('mailbox does not exist (hard bounce)');
  expect(await detail.getByTestId('report-matched').textContent()).toBe('its Message-ID');
  expect(await detail.getByTestId('report-email').textContent()).toContain('“Your spring picks”, sent');
  expect(await detail.getByTestId('report-email').getByRole('link').getAttribute('href')).toBe(`/journeys/${journey.id}`);
  await row.screenshot({ path: path.join(ARTIFACTS, 'settings-suppression-report-en.png') });
  expect(await overflowing(page, '[data-testid="suppressions"] *')).toEqual([]);

  await pickLanguage(page, 'ru');
  await page.goto(`${app.url}/settings`);
  await row.getByText('По отчёту через Postmark').click();
  await detail.getByTestId('report-reason').getByText('(жёсткий отказ)', { exact: false }).waitFor();
  await row.screenshot({ path: path.join(ARTIFACTS, 'settings-suppression-report-ru.png') });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'settings-bounces-return-path-ru.png') });
  expect(await overflowing(page, '[data-testid="soft-bounces"] *')).toEqual([]);
  await pickLanguage(page, 'en');

  // The customer page: the same report, and lifting there.
  await page.goto(`${app.url}/customers/${encodeURIComponent(customer.id)}`);
  const here = page.getByTestId('customer-suppression');
  await here.getByText('From a report via Postmark').click();
  await here.getByTestId('report-diagnostic').getByText('User unknown in virtual mailbox table', { exact: false }).waitFor();
  await here.screenshot({ path: path.join(ARTIFACTS, 'customer-suppression-report-en.png') });
  await here.getByRole('button', { name: 'Lift' }).click();
  await here.waitFor({ state: 'detached' });
  expect(await sql`select 1 from email_suppressions where workspace_id = ${ws} and address = ${address}`).toHaveLength(0);
});
