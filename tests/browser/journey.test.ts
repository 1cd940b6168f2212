// The walking skeleton in a real browser: log in, draw trigger → wait → condition → email →
// points with the mouse, configure, publish, send an event, watch the counts and the email.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { connectHandles, dragLocatorTo, screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock, viewport: { width: 1600, height: 1200 } });

/** Drops a palette item on the canvas at (x, y) relative to the canvas; returns the new node's id. */
async function dropStep(typeId: string, x: number, y: number): Promise<string> {
  const { page } = env;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const before = await page.locator(`[data-node-type="${typeId}"]`).count();
  await dragLocatorTo(page, page.getByTestId(`palette-${typeId}`), { x: canvas.x + x, y: canvas.y + y });
  const added = page.locator(`[data-node-type="${typeId}"]`).nth(before);
  await added.waitFor();
  return (await added.getAttribute('data-testid'))!.replace(/^node-/, '');
}

const node = (id: string) => env.page.getByTestId(`node-${id}`);
const sourceHandle = (id: string, branch: string) => env.page.getByTestId(`handle-${id}-${branch}`);
const targetHandle = (id: string) => node(id).locator('.react-flow__handle.target');

async function selectNode(id: string) {
  await node(id).locator('.text-sm.font-semibold').first().click();
  await env.page.getByTestId('config-panel').waitFor();
}

describe('journey builder in the browser', () => {
  it('draws, configures and publishes a journey, then shows a customer walking it', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    const [vip] = await app.database.sql<{ id: string; firstName: string; segmentId: string }[]>`
      select c.id, c.first_name as "firstName", s.id as "segmentId"
      from customers c join segments s on s.workspace_id = c.workspace_id and s.name = 'VIP: 3+ orders'
      where c.workspace_id = ${app.demo!.workspaceId} and c.email is not null and c.marketing_consent
        and (select count(*) from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.id
             and o.status not in ('cancelled', 'refunded')) >= 3
      order by c.id limit 1`;
    expect(vip, 'the demo seed has a VIP customer').toBeTruthy();

    await env.logIn({ wrongPasswordFirst: 'not the password' });
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Thank VIPs after their order');
    await page.getByRole('button', { name: 'Create journey' }).click();
    const trigger = await page.locator('[data-node-type="core/trigger-event"]').getAttribute('data-testid').then((t) => t!.replace(/^node-/, ''));
    // An unconfigured trigger carries a red badge and its message on the card.
    await page.getByTestId(`node-badge-${trigger}`).waitFor();

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const midX = canvas.width / 2;
    await dragLocatorTo(page, node(trigger).locator('.text-sm.font-semibold').first(), { x: canvas.x + midX, y: canvas.y + 60 });
    const wait = await dropStep('core/wait', midX, 290);
    const condition = await dropStep('core/segment-condition', midX, 510);
    const email = await dropStep('core/send-email', midX - 90, 730);
    const points = await dropStep('core/grant-points', midX - 90, 950);

    await connectHandles(page, sourceHandle(trigger, 'out'), targetHandle(wait));
    await connectHandles(page, sourceHandle(wait, 'out'), targetHandle(condition));
    await connectHandles(page, sourceHandle(condition, 'yes'), targetHandle(email));
    await connectHandles(page, sourceHandle(email, 'out'), targetHandle(points));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    // Undo and redo the last connection from the keyboard.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    await selectNode(trigger);
    await page.getByLabel('Event name').fill('Order Completed');
    await page.getByLabel('Enter once per').fill('order_id');
    await expect.poll(() => page.getByTestId(`node-badge-${trigger}`).count()).toBe(0);
    await selectNode(wait);
    await page.getByLabel('For', { exact: true }).fill('2');
    await page.getByLabel('Unit').selectOption({ label: 'minutes' });
    await waitForText(page.getByTestId(`node-summary-${wait}`), (t) => t === 'Wait 2 minutes');
    await selectNode(condition);
    await page.getByLabel('Segment', { exact: true }).selectOption(vip.segmentId);
    await selectNode(email);
    await page.getByLabel('Subject').fill('A thank-you for you, {{ customer.firstName }}');
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');

    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 1'));

    const sent = await env.track({
      userId: vip.id, event: 'Order Completed', messageId: 'browser-test-order-1',
      properties: { order_id: 'ord_browser_1', total: 59.9, currency: 'EUR',
        products: [{ product_id: 'p1', sku: 'SKU-1', name: 'Trail shoes', category: 'Running', price: 59.9, quantity: 1 }] },
    });
    expect(sent.status).toBe(200);

    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId(`stat-${wait}-waiting`), (t) => t === '1');
    await waitForText(page.getByTestId(`stat-${trigger}-entered`), (t) => t === '1');

    clock.advance(3 * 60_000);
    await app.engine.advanceUntilIdle();
    await waitForText(page.getByTestId(`stat-${email}-emails`), (t) => t === '1');
    await waitForText(page.getByTestId(`stat-${points}-entered`), (t) => t === '1');
    await waitForText(page.getByTestId(`branch-${condition}-yes`), (t) => t === 'Yes1');
    await screenshot(page, 'journey-canvas');

    await page.getByRole('link', { name: 'Outbox' }).click();
    const subject = `A thank-you for you, ${vip.firstName}`;
    const item = page.getByTestId('outbox-item').filter({ hasText: subject });
    await item.waitFor();
    await item.click();
    await waitForText(page.getByTestId('outbox-subject'), (t) => t === subject);
    const frame = page.frameLocator('[data-testid="outbox-html"]');
    await waitForText(frame.locator('body'), (t) => t.includes(vip.firstName));
    await screenshot(page, 'outbox');

    await page.goto(`${app.url}/customers/${vip.id}`);
    await waitForText(page.getByTestId('loyalty-ledger'), (t) => t.includes('Thank you for your order'));
    await screenshot(page, 'customer');
  });

  it('renders every screen (screenshots in test-artifacts/)', { timeout: 120_000 }, async () => {
    const { app, browser, page } = env;
    await page.goto(`${app.url}/journeys`);
    await page.getByText('Thank you for your order').first().waitFor();
    await screenshot(page, 'journeys');

    await page.getByRole('link', { name: 'Thank VIPs after their order' }).click();
    await page.getByTestId('canvas').waitFor();
    // On a busy machine the first click can land while the canvas is still fitting its view (the
    // card moves under the pointer): click again until the panel opens.
    for (let attempt = 1; ; attempt++) {
      await page.locator('[data-node-type="core/wait"]').getByText('Wait', { exact: true }).click();
      const opened = await page.getByTestId('config-panel').waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (opened) break;
      if (attempt === 5) throw new Error('the Wait step\'s config panel did not open after 5 clicks');
    }
    await screenshot(page, 'editor-config');

    // Publishing an unfinished journey is refused with each problem; clicking one selects its step.
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Review request');
    await page.getByRole('button', { name: 'Create journey' }).click();
    await page.getByTestId('palette-core/send-email').click();
    // Click-to-add selects the new step; Delete removes it and Ctrl+Z brings it back.
    const emails = page.locator('[data-node-type="core/send-email"]');
    await emails.waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => emails.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => emails.count()).toBe(1);
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-refused').waitFor();
    await page.getByTestId('publish-issue').filter({ hasText: 'trigger' }).first().click();
    await waitForText(page.getByTestId('config-panel'), (t) => t.includes('Trigger on event'));
    // A 'list' field: each filter is a sub-form generated from the item schema.
    await page.getByRole('button', { name: 'Add to Only when' }).click();
    await page.getByLabel('Property').fill('total');
    await page.getByLabel('Operator').selectOption({ label: 'is greater than' });
    await page.getByLabel('Value', { exact: true }).fill('50');
    await waitForText(page.getByTestId('node-summary-trigger'), (t) => t.includes('Needs configuration'));
    await screenshot(page, 'editor-refused');

    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByText('VIP: 3+ orders').waitFor();
    await screenshot(page, 'segments');
    await page.getByText('VIP: 3+ orders').click();
    const vipCount = await waitForText(page.getByTestId('segment-count'), (t) => /^[0-9,]+$/.test(t));
    // The live count follows the rule as it is edited (not saved): 15+ orders is a smaller group.
    await page.getByLabel('Value', { exact: true }).fill('15');
    await waitForText(page.getByTestId('segment-count'), (t) => /^[0-9,]+$/.test(t) && Number(t.replace(/,/g, '')) < Number(vipCount.replace(/,/g, '')));
    await screenshot(page, 'segment-editor');

    // The edited rule is not saved: leaving asks first.
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard changes' }).click();
    await page.getByLabel('Search customers').fill('cust_000');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(9); // cust_0001 … cust_0009
    await screenshot(page, 'customers');

    // Each page's code loads when it is first opened; a download that fails says so and offers a reload.
    await page.route('**/assets/OutboxPage-*.js', (route) => route.abort());
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page could not be shown.' }).waitFor();
    await page.unroute('**/assets/OutboxPage-*.js');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    // Pointing at a menu entry starts downloading its page's code before the click.
    const settingsCode = page.waitForRequest(/\/assets\/SettingsPage-[\w-]+\.js$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).hover();
    await settingsCode;

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const anonymous = await context.newPage();
    await anonymous.goto(`${app.url}/segments`);
    await anonymous.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(anonymous, 'login');
    await context.close();
  });
});
