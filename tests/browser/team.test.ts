// The team pages in Chromium: the owner invites a marketer from the Users page; the invitee
// opens the emailed link, chooses a password and is in, seeing only what a marketer may do;
// with approval on, the marketer's Publish becomes a request the owner reviews (the change from
// the live version) and approves; the audit log shows it all.
import { expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

async function invitationLink(address: string): Promise<string> {
  const [mail] = await env.app.database.sql<{ text: string }[]>`
    select text from email_outbox where to_address = ${address} order by created_at desc limit 1`;
  return /(https?:\/\/\S+\/invite\/[\w-]+)/.exec(mail.text)![1];
}

it('invites a marketer who joins by the link, and approves their publish', { timeout: 180_000 }, async () => {
  const { page } = env;
  await env.logIn();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Users' }).click();
  await page.getByTestId('member-row').first().waitFor();
  await page.getByTestId('invite').click();
  await page.getByLabel('Email address').fill('mara@demo.shop');
  await page.getByRole('dialog').getByRole('radio', { name: /^Marketer/ }).check();
  await screenshot(page, 'team-invite-dialog');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect.poll(() => page.getByTestId('invitation-row').textContent()).toContain('mara@demo.shop');
  await screenshot(page, 'team-users');

  // Publish approval on, before the marketer arrives.
  await nav.getByRole('link', { name: 'Approvals' }).click();
  await page.getByTestId('approval-switch').click();
  await expect.poll(() => page.getByTestId('approval-switch').getAttribute('aria-checked')).toBe('true');

  const invitee = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await invitee.goto(await invitationLink('mara@demo.shop'));
  await invitee.getByTestId('accept-invitation').waitFor();
  await screenshot(invitee, 'team-invitation');
  await invitee.getByLabel('Your name').fill('Mara');
  await invitee.getByLabel('Choose a password').fill('short');
  await invitee.getByRole('button', { name: 'Join and sign in' }).click();
  await expect.poll(() => invitee.getByRole('alert').first().textContent()).toContain('at least 10 characters');
  await invitee.getByLabel('Choose a password').fill('a long and happy passphrase');
  await invitee.getByRole('button', { name: 'Join and sign in' }).click();
  const inviteeNav = invitee.getByRole('navigation', { name: 'Main' });
  await inviteeNav.waitFor();
  expect(await inviteeNav.getByRole('link', { name: 'Users' }).count()).toBe(0);
  expect(await inviteeNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

  // The marketer asks to publish the demo's draft journey.
  const [draft] = await env.app.database.sql<{ id: string }[]>`select id from journeys where status = 'draft' limit 1`;
  await invitee.goto(`${env.app.url}/journeys/${draft.id}`);
  await invitee.getByRole('button', { name: 'Request approval' }).click();
  await invitee.getByTestId('publish-requested').waitFor();
  await screenshot(invitee, 'team-publish-requested');
  await invitee.close();

  await page.reload();
  await page.getByTestId('pending-request').waitFor();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByTestId('request-diff').waitFor();
  expect(await page.getByTestId('request-diff').textContent()).toContain('New step');
  await screenshot(page, 'team-approval-review');
  await page.getByLabel('Comment').fill('Good to go');
  await page.getByTestId('approve').click();
  await expect.poll(() => page.getByTestId('pending-request').count()).toBe(0);
  const [journey] = await env.app.database.sql`select status from journeys where id = ${draft.id}`;
  expect(journey.status).toBe('live');

  await nav.getByRole('link', { name: 'Audit log' }).click();
  await page.getByTestId('audit-table').waitFor();
  const log = await page.getByTestId('audit-table').textContent();
  for (const entry of ['Invited a user', 'Joined by invitation', 'Asked to publish', 'Decided a publish request']) expect(log).toContain(entry);
  await screenshot(page, 'team-audit-log');
});
