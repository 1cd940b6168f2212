// The Abandoned checkouts card of the Settings page in Chromium: an owner sets the delay (a
// value out of range is refused under the field, in the user's language), and the card reads
// whole in Russian and Serbian Cyrillic, whose texts run longer.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it('an owner sets the abandonment delay; a value out of range is refused, naming why', { timeout: 120_000 }, async () => {
  const { page, app } = env;
  await env.logIn();
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('abandoned-checkouts');
  const delay = card.getByLabel('Abandonment delay');
  await expect.poll(() => delay.inputValue()).toBe('60');
  await delay.fill('5');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('abandonedAfterMinutes is at least 10 minutes').waitFor();
  await delay.fill('90');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved ✓').waitFor();
  const [{ settings }] = await app.database.sql`select settings from workspaces where id = ${env.demo.workspaceId}`;
  expect(settings.checkouts).toEqual({ abandonedAfterMinutes: 90 });

  for (const [locale, label, refusal] of [
    ['ru', 'Время до брошенной корзины', 'Время до брошенной корзины — не больше 10 080 минут (7 дней)'],
    ['sr-Cyrl', 'Време до напуштене корпе', 'Време до напуштене корпе је највише 10.080 минута (7 дана)'],
  ] as const) {
    await pickLanguage(page, locale);
    await page.goto(`${app.url}/settings`);
    await expect.poll(() => card.getByLabel(label).inputValue()).toBe('90');
    await card.getByLabel(label).fill('20000');
    await card.getByRole('button').click();
    await card.getByText(refusal).waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(ARTIFACTS, `settings-abandoned-checkouts-${locale}.png`) });
    expect(await overflowing(page, '[data-testid="abandoned-checkouts"] *')).toEqual([]);
  }
  await pickLanguage(page, 'en');
});
