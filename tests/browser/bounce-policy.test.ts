// The Soft bounces card and a soft-bounce suppression in Chromium: an owner sets the limit (a
// value out of range is refused under the field, in the user's language), and the suppression
// list says why in Russian and Serbian Cyrillic, whose texts run longer.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it('an owner sets the soft-bounce limit; the list names the soft bounces in the user\'s language', { timeout: 120_000 }, async () => {
  const { page, app } = env;
  const sql = app.database.sql;
  await sql`insert into email_suppressions (workspace_id, address, reason, detail, facts, created_at) values
    (${env.demo.workspaceId}, 'full@mail.example', 'soft_bounce', '2 × mailbox_full, 1 × blocked: 3 soft bounces in 9 days',
      ${sql.json({ count: 3, days: 9, reasons: { blocked: 1, mailbox_full: 2 } })}, now())`;
  await env.logIn();
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('soft-bounces');
  const limit = card.getByLabel('Soft bounces');
  await expect.poll(() => limit.inputValue()).toBe('3');
  await limit.fill('1');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('softLimit is at least 2 soft bounces').waitFor();
  await limit.fill('4');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved').waitFor();
  const [{ settings }] = await sql`select settings from workspaces where id = ${env.demo.workspaceId}`;
  expect(settings.bounces).toEqual({ softLimit: 4, softWindowDays: 30, returnPathDomain: null });
  await page.getByTestId('suppressions').getByText('Soft bounces: 1 × sender blocked, 2 × mailbox full in 9 days').waitFor();

  for (const [locale, label, refusal, why] of [
    ['ru', 'Мягких отказов', 'Число мягких отказов — не больше 20', 'Мягкие отказы: 1 × отправитель заблокирован, 2 × ящик переполнен за 9 дней'],
    ['sr-Cyrl', 'Меких одбијања', 'Број меких одбијања је највише 20', 'Мека одбијања: 1 × пошиљалац је блокиран, 2 × сандуче је пуно за 9 дана'],
  ] as const) {
    await pickLanguage(page, locale);
    await page.goto(`${app.url}/settings`);
    await expect.poll(() => card.getByLabel(label).inputValue()).toBe('4');
    await card.getByLabel(label).fill('21');
    await card.getByRole('button').click();
    await card.getByText(refusal).waitFor();
    await page.getByTestId('suppressions').getByText(why).waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(ARTIFACTS, `settings-soft-bounces-${locale}.png`) });
    await page.getByTestId('suppressions').screenshot({ path: path.join(ARTIFACTS, `settings-suppressions-${locale}.png`) });
    expect(await overflowing(page, '[data-testid="soft-bounces"] *')).toEqual([]);
  }
  await pickLanguage(page, 'en');

  // The customer page says why too, and an owner lifts it there.
  const [customer] = await sql<{ id: string; email: string }[]>`
    select id, email from customers where workspace_id = ${env.demo.workspaceId} and email is not null order by id limit 1`;
  await sql`insert into email_suppressions (workspace_id, address, reason, detail, facts, created_at) values
    (${env.demo.workspaceId}, ${customer.email.toLowerCase()}, 'soft_bounce', '3 × mailbox_full', ${sql.json({ count: 3, days: 5, reasons: { mailbox_full: 3 } })}, now())
    on conflict do nothing`;
  await page.goto(`${app.url}/customers/${encodeURIComponent(customer.id)}`);
  const here = page.getByTestId('customer-suppression');
  await here.getByText('Soft bounces: 3 × mailbox full in 5 days').waitFor();
  await here.screenshot({ path: path.join(ARTIFACTS, 'customer-suppression-en.png') });
  await here.getByRole('button', { name: 'Lift' }).click();
  await here.waitFor({ state: 'detached' });
  expect(await sql`select 1 from email_suppressions where address = ${customer.email.toLowerCase()}`).toHaveLength(0);
});
