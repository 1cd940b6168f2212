// A template's languages in Chromium: the marketer adds a Serbian variant to a starter, writes it
// in Cyrillic, previews it in both scripts (one text, transliterated for Latin readers), saves it
// with the template, and finds the tab again after a reload. Then the same editor with the app in
// Serbian. Screenshots of each (Cyrillic runs longer: no label may overflow).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1600, height: 1000 } });

const serbianBody = `<mjml><mj-body><mj-section><mj-column>
<mj-text font-size="22px">Хвала, {{ customer.firstName }}!</mj-text>
<mj-text>Ваша поруџбина {{ order.id }} од {{ order.total | money }} је примљена. Љубазно, ваша продавница.</mj-text>
<mj-button href="{{ shop.url }}/nalog">Погледај поруџбину</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

async function replace(page: Page, target: 'subject' | 'body', text: string) {
  if (target === 'subject') {
    await page.getByLabel('Subject').fill(text);
    return;
  }
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

// The preview-customer <select> is left out: a select clips its chosen name natively.
const overflowing = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-testid="template-languages"] button, [data-testid="preview-script"] button, label, h1')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent));

it('adds a Serbian variant, previews it in Cyrillic and in Latin, and saves it', { timeout: 180_000 }, async () => {
  const { page } = env;
  await env.logIn();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('link', { name: /Order confirmation/ }).click();
  await page.getByTestId('template-languages').waitFor();

  // Made from a starter, it has its Serbian text already: the marketer rewrites it.
  await page.getByTestId('language-tab-sr').click();
  await expect.poll(() => page.getByTestId('language-tab-sr').getAttribute('aria-selected')).toBe('true');
  await replace(page, 'subject', 'Поруџбина {{ order.id }} је потврђена, {{ customer.firstName }}');
  await replace(page, 'body', serbianBody);
  await page.getByText('No problems found').waitFor();

  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith('Поруџбина '));
  await frame.getByText('Љубазно, ваша продавница.', { exact: false }).first().waitFor();
  await waitForText(page.getByTestId('preview-locale'), (t) => t.includes('Cyrillic'));
  await screenshot(page, 'template-languages-sr-Cyrl');

  await page.getByTestId('preview-script').getByRole('button', { name: 'Latin' }).click();
  await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith('Porudžbina '));
  await frame.getByText('Ljubazno, vaša prodavnica.', { exact: false }).first().waitFor();
  // Money is written the Serbian way in both scripts.
  await expect.poll(() => frame.locator('body').textContent()).toMatch(/\d,\d\d\s(RSD|€|EUR|US\$|\$)/);
  await screenshot(page, 'template-languages-sr-Latn');

  // The English tab is untouched.
  await page.getByTestId('language-tab-en').click();
  await waitForText(page.getByTestId('preview-subject'), (t) => t.includes('is confirmed'));

  await page.getByRole('button', { name: 'Save' }).click();
  await waitForText(page.getByTestId('template-version'), (t) => t.includes('saved') && t.includes('Version 2'));
  await page.reload();
  await page.getByTestId('language-tab-sr').click();
  await expect.poll(() => page.getByLabel('Subject').inputValue()).toBe('Поруџбина {{ order.id }} је потврђена, {{ customer.firstName }}');
  expect(await overflowing(page)).toEqual([]);

  // The same editor with the app in Serbian.
  await page.getByTestId('user-name').click();
  await page.getByTestId('language-picker').selectOption('sr-Cyrl');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Сачувај' }).waitFor();
  await page.getByRole('group', { name: 'Писмо српског текста' }).waitFor();
  await page.getByText('Нема проблема').waitFor();
  // After the reload the preview follows the Serbian tab too.
  await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith('Поруџбина '));
  await screenshot(page, 'template-languages-ui-sr-Cyrl');
  expect(await overflowing(page)).toEqual([]);
});
