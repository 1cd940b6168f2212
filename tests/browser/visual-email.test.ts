// The visual email editor in Chromium at 1440x900: a starter opens in the canvas, a text block is
// added and its words typed in the canvas, the code view shows them in the MJML, a merge field and
// the shop blocks (coupon, My rewards, order items) fill the live preview with a real customer's
// data, the template saves as a new version and a test send carries the words. Then a 20 KB
// template (MJML's accordion example, repeated) previews: the preview goes as a POST, so its size
// is no longer bounded by a URL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/mjml/mjml-accordion.mjml');

/** The accordion example with its one section repeated, numbered, until the template passes 20 KB. */
function largeTemplate(): string {
  const source = readFileSync(CORPUS, 'utf8');
  const section = /<mj-section[\s\S]*<\/mj-section>/.exec(source)![0];
  const sections: string[] = [];
  for (let n = 1; sections.join('').length < 20_500; n++) sections.push(section.replace('Why use an accordion?', `Why use an accordion? (${n})`));
  return source.replace(section, sections.join('\n'));
}

const canvas = (page: Page) => page.frameLocator('.gjs-frame');
/** The whole MJML in the code view (CodeMirror draws only the lines in sight; its state has them all). */
const codeText = (page: Page) => page.locator('.cm-content').evaluate((el) =>
  (el as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());

describe('the visual email editor', () => {
  it('adds and edits blocks visually, keeps the MJML in sync, previews, saves and sends', { timeout: 300_000 }, async () => {
    const { app, page } = env;
    await env.logIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('link', { name: /Order confirmation/ }).click();
    const [buyer] = await app.database.sql<{ firstName: string; productName: string }[]>`
      select c.first_name as "firstName", i.name as "productName"
      from customers c join orders o on o.workspace_id = c.workspace_id and o.customer_id = c.id
      join order_items i on i.workspace_id = o.workspace_id and i.order_id = o.id
      where c.workspace_id = ${app.demo!.workspaceId} and c.email is not null
      order by o.placed_at desc, c.id, i.line limit 1`;
    await waitForText(page.getByTestId('preview-subject'), (t) => t.includes(buyer.firstName));
    const starter = await codeText(page);

    // The canvas is loaded only now, and shows the starter as MJML renders it.
    await page.getByTestId('body-mode').getByRole('button', { name: 'Visual' }).click();
    await canvas(page).getByText('Thank you, {{ customer.firstName }}!').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'visual-email-starter');

    // A text block, added with a click (nothing selected: a new section at the end), then typed into.
    await page.getByTestId('visual-blocks').getByRole('button', { name: 'Text', exact: true }).click();
    const added = canvas(page).getByText('Write your message here.');
    await added.waitFor();
    await added.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Hello from the visual editor');
    // Leaving the text (a click on the panel) ends the typing; the body follows within a moment.
    await page.getByRole('tab', { name: 'Blocks' }).click();
    await canvas(page).getByText('Hello from the visual editor').waitFor();
    await screenshot(page, 'visual-email-edited');
    await canvas(page).getByText('Hello from the visual editor').click();
    await page.getByLabel('Insert merge field').selectOption({ label: 'First name' });
    await page.frameLocator('[data-testid="preview-frame"]').getByText(`Hello from the visual editor ${buyer.firstName}`).waitFor({ timeout: 30_000 });

    // The shop blocks: each fills with this customer's data in the preview.
    for (const name of ['Coupon', 'My rewards', 'Order items']) {
      await page.getByRole('tab', { name: 'Blocks' }).click(); // an added block is selected: its style shows
      await page.getByTestId('visual-blocks').getByRole('button', { name, exact: true }).click();
    }
    const preview = page.frameLocator('[data-testid="preview-frame"]');
    await preview.getByText('PREVIEW-10').waitFor({ timeout: 30_000 });
    await preview.getByText('My rewards').first().waitFor();
    await page.getByText('No problems found').waitFor();
    await screenshot(page, 'visual-email-shop-blocks');

    // The code view holds what the canvas shows, the starter's Liquid kept.
    await page.getByTestId('body-mode').getByRole('button', { name: 'Code' }).click();
    const code = await codeText(page);
    expect(code).toContain('Hello from the visual editor {{ customer.firstName }}');
    expect(code).toContain('{% for item in order.items %}');
    expect(code).toContain('{% if coupon %}');
    expect(code).toContain('{{ customer.rewardsUrl }}');
    expect(code.length).toBeGreaterThan(starter.length);
    await screenshot(page, 'visual-email-code');

    // An edit in code shows in the canvas on the way back.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(code.replace('Hello from the visual editor', 'Hello from both views'));
    await page.getByTestId('body-mode').getByRole('button', { name: 'Visual' }).click();
    await canvas(page).getByText('Hello from both views').waitFor();
    await page.getByText('No problems found').waitFor();
    await page.keyboard.press('Control+S');
    await waitForText(page.getByTestId('template-version'), (t) => t.includes('Version 2 · saved'));
    await page.getByRole('button', { name: 'Send a test' }).click();
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Sent to').waitFor();
    await expect.poll(async () => (await app.database.sql<{ html: string }[]>`
      select html from dev_mailbox where to_addresses ? ${env.demo.email}`).map((r) => r.html.includes(`Hello from both views ${buyer.firstName}`)), { timeout: 30_000 })
      .toEqual([true]);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('previews a 20 KB template, sent as a POST', { timeout: 180_000 }, async () => {
    const { page } = env;
    const body = largeTemplate();
    expect(body.length).toBeGreaterThan(20_000);
    await page.getByTestId('body-mode').getByRole('button', { name: 'Code' }).click();
    const request = page.waitForRequest((r) => r.url().includes('templates.preview') && r.postData()?.includes('(12)') === true, { timeout: 60_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(body);
    expect((await request).method()).toBe('POST');
    const preview = page.frameLocator('[data-testid="preview-frame"]');
    // On a busy machine the sandbox may stop a render at its 2 s limit: a keystroke asks again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const shown = await preview.getByText('Why use an accordion? (12)').waitFor({ timeout: 30_000 }).then(() => true, () => false);
      if (shown) break;
      expect(await page.getByTestId('template-issues').textContent()).toContain('took longer than 2 s');
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
    }
    await preview.getByText('Why use an accordion? (12)').waitFor({ timeout: 30_000 });
    // Only looking at it in the visual editor changes nothing in the MJML.
    await page.getByTestId('body-mode').getByRole('button', { name: 'Visual' }).click();
    await page.locator('.gjs-frame').waitFor();
    await page.getByTestId('body-mode').getByRole('button', { name: 'Code' }).click();
    await page.locator('.cm-content').waitFor();
    expect((await codeText(page)).trim()).toBe(body.trim());
    await page.getByTestId('body-mode').getByRole('button', { name: 'Visual' }).click();
    await page.locator('.gjs-frame').waitFor();
    await screenshot(page, 'visual-email-large');
  });
});
