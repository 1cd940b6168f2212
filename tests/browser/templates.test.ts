// The Templates page in a real browser: the seeded starters, the MJML editor with a live
// preview (sandboxed iframe, desktop and phone widths) filled with a real demo customer,
// a broken template refused with its line, saving a new version, a test send (to an address
// picked from the workspace's users) that reaches the development SMTP sink, and a new
// template from a starter.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()), viewport: { width: 1600, height: 1000 } });

const brokenBody = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello there</mj-text>
<mj-text>{{ customer.frstName }}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

async function replaceBody(text: string) {
  const { page } = env;
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

describe('templates in the browser', () => {
  it('edits a starter with a live preview, refuses a broken save, saves, sends a test', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    await env.logIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByText('Shipping notice').waitFor();
    expect(await page.locator('[data-testid^="template-tpl_"]').count()).toBe(9);
    await screenshot(page, 'templates-list');

    await page.getByRole('link', { name: /Review request/ }).click();
    // The first preview customer is the most recent buyer: their data fills the preview.
    const [buyer] = await app.database.sql<{ id: string; firstName: string; productName: string }[]>`
      select c.id, c.first_name as "firstName", i.name as "productName"
      from customers c join orders o on o.workspace_id = c.workspace_id and o.customer_id = c.id
      join order_items i on i.workspace_id = o.workspace_id and i.order_id = o.id
      where c.workspace_id = ${app.demo!.workspaceId} and c.email is not null
      order by o.placed_at desc, c.id, i.line limit 1`;
    await waitForText(page.getByTestId('preview-subject'), (t) => t.includes(buyer.firstName));
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.getByText(buyer.productName).first().waitFor();
    await expect(frame.getByText('Rate this ★★★★★').count()).resolves.toBeGreaterThan(0);
    expect(await page.getByTestId('preview-frame').getAttribute('sandbox')).toBe('');
    await screenshot(page, 'template-editor-desktop');

    await page.getByRole('button', { name: 'mobile' }).click();
    await expect.poll(async () => (await page.getByTestId('preview-frame').boundingBox())?.width).toBe(375);
    await screenshot(page, 'template-editor-mobile');
    await page.getByRole('button', { name: 'desktop' }).click();

    // Any customer can be found and previewed: the preview follows.
    const [other] = await app.database.sql<{ id: string; firstName: string; email: string }[]>`
      select id, first_name as "firstName", email from customers
      where workspace_id = ${app.demo!.workspaceId} and email is not null and first_name <> ${buyer.firstName}
      order by id desc limit 1`;
    await page.getByLabel('Find a customer').fill(other.email);
    await expect.poll(() => page.locator('#preview-customer option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toContain(other.id);
    await page.locator('#preview-customer').selectOption(other.id);
    await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith(`${other.firstName},`));
    await page.getByLabel('Find a customer').fill('');
    await page.locator('#preview-customer').selectOption(buyer.id);
    await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith(`${buyer.firstName},`));

    await replaceBody(brokenBody);
    await waitForText(page.getByTestId('template-issues'), (t) => t.includes('line 3: unknown merge field "customer.frstName"'));
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForText(page.getByTestId('template-issues'), (t) => t.includes('Not saved'));
    expect(await page.locator('.cm-problem-line').count()).toBe(1);
    await screenshot(page, 'template-editor-refused');
    expect(await page.getByTestId('template-version').textContent()).toContain('Version 1');

    await replaceBody(brokenBody.replace('customer.frstName', 'customer.firstName'));
    await page.getByText('No problems found').waitFor();
    await frame.getByText(buyer.firstName).first().waitFor();
    // The merge-field menu inserts at the cursor: here, just inside the first <mj-text>.
    await page.locator('.cm-line', { hasText: 'Hello there' }).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < '<mj-text>'.length; i++) await page.keyboard.press('ArrowRight');
    await page.getByLabel('Insert merge field').selectOption({ label: 'Tier' });
    await waitForText(page.locator('.cm-content'), (t) => t.includes('<mj-text>{{ loyalty.tier }}Hello there</mj-text>'));
    await frame.getByText(/(Bronze|Silver|Gold|Platinum)Hello there/).waitFor();
    await page.getByText('No problems found').waitFor();
    await page.keyboard.press('Control+S');
    await waitForText(page.getByTestId('template-version'), (t) => t.includes('Version 2 · saved'));

    // History: version 1 (the starter) opens in the editor as unsaved changes.
    await page.getByRole('button', { name: 'History' }).click();
    await waitForText(page.getByTestId('template-history'), (t) => t.includes('Version 2current') && t.includes('Version 1'));
    await screenshot(page, 'template-history');
    await page.getByTestId('template-history').getByRole('button', { name: 'Open in editor' }).click();
    await waitForText(page.locator('.cm-content'), (t) => t.includes('How are you getting on'));
    await waitForText(page.getByTestId('template-version'), (t) => t.includes('Version 2 · unsaved changes'));

    await page.getByRole('button', { name: 'Send a test' }).click();
    // The picker offers the workspace's users, the signed-in one chosen.
    await expect.poll(() => page.getByLabel('Send to').inputValue()).toBe(env.demo.email);
    expect(await page.getByLabel('Send to').locator('option').allTextContents()).toEqual([`Demo Admin <${env.demo.email}>`]);
    await screenshot(page, 'template-send-test');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Sent to').waitFor();
    await expect.poll(async () => (await app.database.sql`
      select subject from dev_mailbox where to_addresses ? ${env.demo.email}`).map((r) => r.subject), { timeout: 20_000 })
      .toEqual([`[Test] ${buyer.firstName}, how do you like your new things?`]);
    await page.getByRole('button', { name: 'Done' }).click();

    // Version 1 is open as unsaved changes: leaving asks first, and this time drops them.
    await page.getByRole('link', { name: 'Templates' }).first().click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard changes' }).click();
    await page.getByRole('button', { name: 'New from starter' }).click();
    await screenshot(page, 'template-starters');
    await page.getByRole('button', { name: /^Win-back/ }).click();
    await waitForText(page.getByTestId('preview-subject'), (t) => t.startsWith('We miss you'));
    expect(await page.getByLabel('Template name').inputValue()).toBe('Win-back (2)');
  });

  it('lets the Send email step use a saved template instead of its own body', { timeout: 120_000 }, async () => {
    const { page } = env;
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('link', { name: 'Thank you for your order' }).click();
    const email = page.getByTestId('node-thank_you_email');
    await email.locator('.text-sm.font-semibold').first().click();
    const panel = page.getByTestId('config-panel');
    // The demo's node was drawn before templates existed: it keeps its own subject and body.
    await panel.getByLabel('Subject').waitFor();
    const picker = panel.getByLabel('Template');
    await expect.poll(() => picker.locator('option').allTextContents()).toContain('Order confirmation');
    await picker.selectOption({ label: 'Order confirmation' });
    await expect.poll(() => panel.getByLabel('Subject').count()).toBe(0);
    await waitForText(email, (t) => t.includes('Template “Order confirmation”'));
    await screenshot(page, 'journey-email-uses-template');
    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 2'));

    // The template now tells its editor which journey sends it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await waitForText(page.getByRole('link', { name: /Order confirmation/ }), (t) => t.includes('in 1 journey'));
    await page.getByRole('link', { name: /Order confirmation/ }).click();
    await waitForText(page.getByTestId('template-used-by'), (t) => t.includes('Thank you for your order') && t.includes('publish them again'));
    await screenshot(page, 'template-used-by');
  });
});
