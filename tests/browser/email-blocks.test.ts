// Saved blocks, images and product blocks in the template editor, in Chromium at 1440x900. The
// canvas shows the starter's buttons in its brand colour (<mj-attributes> applied) and a
// placeholder where an image's address is Liquid. A section selected in the canvas is saved as a
// block, linked in from the panel (a locked box in the canvas, the block in the preview) and, in
// the code view, from "Insert block"; the product blocks fill the preview with a real customer's
// data, a shop block clicked in after another landing after the whole of it (not inside its loop).
// Once saved, the block says the template uses it, refuses to be deleted, and a link unlinks to a copy. An image uploaded in the visual editor's
// image picker replaces a picture; one uploaded from the code view goes in at the cursor and shows
// in the preview, served by the app; a text file renamed .png is refused, naming why.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngImage, renamedText } from '../support/images';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });

const canvas = (page: Page) => page.frameLocator('.gjs-frame');
const preview = (page: Page) => page.frameLocator('[data-testid="preview-frame"]');
const codeText = (page: Page) => page.locator('.cm-content').evaluate((el) =>
  (el as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());
interface CodeView { state: { doc: { toString(): string } }; dispatch(transaction: object): void; focus(): void }
/** Puts the code view's cursor right before the last `text`. */
const cursorBefore = (page: Page, text: string) => page.locator('.cm-content').evaluate((el, last) => {
  const { view } = (el as unknown as { cmTile: { root: { view: CodeView } } }).cmTile.root;
  view.dispatch({ selection: { anchor: view.state.doc.toString().lastIndexOf(last) } });
  view.focus();
}, text);
const blocksTab = (page: Page) => page.getByRole('tab', { name: 'Blocks' });
const mode = (page: Page, name: 'Visual' | 'Code') => page.getByTestId('body-mode').getByRole('button', { name }).click();

describe('blocks and images in the template editor', () => {
  it('saves and reuses a block, uploads images, fills the product blocks', { timeout: 300_000 }, async () => {
    const { app, page } = env;
    await env.logIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('link', { name: /Order confirmation/ }).click();
    await page.getByTestId('preview-subject').waitFor();
    await mode(page, 'Visual');
    const heading = canvas(page).getByText('Thank you, {{ customer.firstName }}!').first();
    await heading.waitFor({ timeout: 60_000 });

    // The starter's <mj-attributes> make its button violet; its items' Liquid pictures show the placeholder.
    await expect.poll(() => canvas(page).locator('[data-gjs-type="mj-button"][href] td[bgcolor="#7c3aed"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => canvas(page).locator('img[src^="data:image/svg+xml"]').count()).toBeGreaterThan(0);
    expect(await canvas(page).locator('img[src*="{{"], img[src*="%7B%7B"]').count()).toBe(0);
    await screenshot(page, 'email-blocks-canvas');

    // The heading's section, saved as a block.
    await heading.click();
    await blocksTab(page).click();
    await page.getByRole('button', { name: 'Save selected section' }).click();
    await page.getByRole('dialog', { name: 'Save as block' }).getByLabel('Name').fill('Brand heading');
    await screenshot(page, 'email-blocks-save-dialog');
    await page.getByRole('button', { name: 'Save block' }).click();
    const saved = page.getByTestId('saved-blocks').getByRole('button', { name: /^Brand heading/ });
    await saved.waitFor();
    const [row] = await app.database.sql<{ mjml: string }[]>`select mjml from email_blocks where name = 'Brand heading'`;
    expect(row.mjml).toMatch(/^<mj-section[\s\S]*Thank you, \{\{ customer.firstName \}\}![\s\S]*<\/mj-section>$/);

    // Linked in: a locked box in the canvas naming the block, its content in the preview.
    await saved.click();
    const link = canvas(page).locator('[data-linked-block]');
    await link.getByText('Saved block “Brand heading”').waitFor({ timeout: 30_000 });
    expect(await canvas(page).getByText('Thank you, {{ customer.firstName }}!').count()).toBe(1);
    await expect.poll(() => preview(page).getByText(/^Thank you, /).count(), { timeout: 30_000 }).toBe(2);
    await screenshot(page, 'email-blocks-linked');

    // The product blocks, filled in the preview.
    for (const name of ['Bought together', 'Reviewed product']) {
      await blocksTab(page).click();
      await page.getByTestId('visual-blocks').getByRole('button', { name, exact: true }).click();
    }
    await preview(page).getByText('Frequently bought together').waitFor({ timeout: 30_000 });
    await preview(page).getByText('Write a review').first().waitFor();
    await page.getByText('No problems found').waitFor();
    await screenshot(page, 'email-blocks-product-blocks');

    // The visual editor's image picker: a picture for the starter's recommendations (one per product in the preview).
    await canvas(page).locator('img[src^="data:image/svg+xml"]').last().dblclick();
    const picker = page.locator('.gjs-mdl-dialog');
    await picker.waitFor();
    await picker.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: pngImage(240, 120) });
    const uploaded = picker.locator('.gjs-am-asset-image').first();
    await uploaded.waitFor({ timeout: 30_000 });
    await screenshot(page, 'email-blocks-image-picker');
    await uploaded.locator('.gjs-am-preview').dblclick();
    await picker.waitFor({ state: 'hidden' });
    const [image] = await app.database.sql<{ id: string; width: number }[]>`select id, width from email_images where name = 'logo.png'`;
    expect(image.width).toBe(240);
    await canvas(page).locator(`img[src*="${image.id}"]`).waitFor({ timeout: 30_000 });
    await preview(page).locator(`img[src*="${image.id}"]`).first().waitFor({ timeout: 30_000 }); // in the MJML, rendered

    // The code view: the saved block from its menu, an image at the cursor.
    await mode(page, 'Code');
    const before = await codeText(page);
    expect(before.split('{% for product in recommendations %}')).toHaveLength(3); // the starter's and the block's
    // "Reviewed product", clicked in right after "Bought together", comes after its {% endfor %} and {% endif %}.
    const reviewedAt = before.indexOf('{% if reviewed %}');
    const together = before.slice(before.lastIndexOf('{% if recommendations.size > 0 %}', reviewedAt), reviewedAt);
    expect(together).toContain('{% endfor %}');
    expect(together).toContain('{% endif %}');
    expect(before.match(/<mj-raw data-block="blk_[\w-]+" data-block-name="Brand heading"><\/mj-raw>/g)).toHaveLength(1);
    expect(before).toContain(image.id);
    // The cursor between the last section and the body's end, where a section belongs.
    await cursorBefore(page, '</mj-body>');
    await page.getByLabel('Insert block').selectOption({ label: 'Brand heading' });
    await expect.poll(async () => (await codeText(page)).split('data-block-name="Brand heading"').length - 1).toBe(2);

    await cursorBefore(page, '</mj-column>'); // an image goes into a column
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Images' });
    await dialog.getByTestId('image-upload').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: renamedText() });
    await dialog.getByRole('alert').filter({ hasText: 'not a PNG, JPEG, GIF or WebP' }).waitFor();
    await screenshot(page, 'email-blocks-refused');
    await dialog.getByTestId('image-upload').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: pngImage(600, 200) });
    await dialog.waitFor({ state: 'detached' });
    const [banner] = await app.database.sql<{ id: string }[]>`select id from email_images where name = 'banner.png'`;
    expect(await codeText(page)).toContain(`/img/${env.demo.workspaceId}/${banner.id}.png`);
    const shown = preview(page).locator(`img[src$="${banner.id}.png"]`);
    await shown.waitFor({ timeout: 30_000 });
    await expect.poll(() => shown.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(600);
    await page.getByText('No problems found').waitFor();
    await screenshot(page, 'email-blocks-code');
    await page.keyboard.press('Control+S');
    await waitForText(page.getByTestId('template-version'), (t) => t.includes('Version 2 · saved'));
    const [version] = await app.database.sql<{ body: string }[]>`select body from email_template_versions v
      join email_templates t on t.id = v.template_id and v.version = t.latest_version where t.name = 'Order confirmation'`;
    expect(version.body.split('<!-- block blk_')).toHaveLength(5); // two blocks expanded, each between two markers

    // The block knows its template and is not deleted while used; a link unlinks to a copy.
    await mode(page, 'Visual');
    await blocksTab(page).click();
    await page.getByTestId('saved-blocks').getByText('used by 1 template').waitFor({ timeout: 30_000 });
    const alerted = page.waitForEvent('dialog').then((d) => d.message()); // dismissed by the browser helper
    await page.getByRole('button', { name: 'Delete “Brand heading”' }).click();
    expect(await alerted).toBe('“Brand heading” is used by 1 template: “Order confirmation”. Unlink or remove it there first.');
    await screenshot(page, 'email-blocks-used-by');
    await canvas(page).locator('[data-linked-block]').first().click();
    await blocksTab(page).click();
    await page.getByTestId('unlink-block').click();
    await expect.poll(() => canvas(page).locator('[data-linked-block]').count()).toBe(1);
    await expect.poll(() => canvas(page).getByText('Thank you, {{ customer.firstName }}!').count()).toBe(2);
    await screenshot(page, 'email-blocks-unlinked');
  });
});
