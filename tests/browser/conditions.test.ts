// A property split drawn in the browser: trigger → Condition: property on the order's value →
// points on Yes, configured through the generated form (no saved segment), published, walked by
// a big and a small order; the card counts each branch.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { WIN_BACK_JOURNEY_ID } from '../../apps/server/src/seed/win-back';
import { connectHandles, dragLocatorTo, overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()), viewport: { width: 1600, height: 1200 } });

async function dropStep(typeId: string, x: number, y: number): Promise<string> {
  const { page } = env;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await dragLocatorTo(page, page.getByTestId(`palette-${typeId}`), { x: canvas.x + x, y: canvas.y + y });
  const added = page.locator(`[data-node-type="${typeId}"]`).first();
  await added.waitFor();
  return (await added.getAttribute('data-testid'))!.replace(/^node-/, '');
}

const node = (id: string) => env.page.getByTestId(`node-${id}`);
const targetHandle = (id: string) => node(id).locator('.react-flow__handle.target');

async function selectNode(id: string) {
  await node(id).locator('.text-sm.font-semibold').first().click();
  await env.page.getByTestId('config-panel').waitFor();
}

describe('conditions in the browser', () => {
  it('draws a split on the order value, publishes it and counts each branch', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    const [customer] = await app.database.sql<{ id: string }[]>`
      select id from customers where workspace_id = ${app.demo!.workspaceId} order by id limit 1`;

    await env.logIn();
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Points for big orders');
    await page.getByRole('button', { name: 'Create journey' }).click();
    const trigger = await page.locator('[data-node-type="core/trigger-event"]').getAttribute('data-testid').then((t) => t!.replace(/^node-/, ''));

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const midX = canvas.width / 2;
    await dragLocatorTo(page, node(trigger).locator('.text-sm.font-semibold').first(), { x: canvas.x + midX, y: canvas.y + 60 });
    const condition = await dropStep('core/property-condition', midX, 290);
    const points = await dropStep('core/grant-points', midX - 90, 510);
    await connectHandles(page, page.getByTestId(`handle-${trigger}-out`), targetHandle(condition));
    await connectHandles(page, page.getByTestId(`handle-${condition}-yes`), targetHandle(points));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    await selectNode(trigger);
    await page.getByLabel('Event name').fill('Order Completed');
    await page.getByLabel('Enter once per').fill('order_id');
    await selectNode(condition);
    await page.getByLabel('Check', { exact: true }).selectOption({ label: 'The order’s value' });
    await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'is greater than' });
    await page.getByLabel('Number', { exact: true }).fill('50');
    await waitForText(page.getByTestId(`node-summary-${condition}`), (t) => t === 'Order value: greater than 50');
    // A comparison that cannot fit the order's value is named under its field.
    await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'contains' });
    await waitForText(page.getByTestId('field-error-operator'), (t) => t.includes('compare it with a number'));
    await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'is greater than' });
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');

    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 1'));

    for (const [order, total] of [['ord_big', 80], ['ord_small', 20]] as const) {
      const sent = await env.track({ userId: customer.id, event: 'Order Completed', messageId: `browser-${order}`, properties: { order_id: order, total, currency: 'EUR' } });
      expect(sent.status).toBe(200);
    }
    await app.engine.advanceUntilIdle();
    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId(`branch-${condition}-yes`), (t) => t === 'Yes1');
    await waitForText(page.getByTestId(`branch-${condition}-no`), (t) => t === 'No1');
    await waitForText(page.getByTestId(`stat-${points}-entered`), (t) => t === '1');
    await screenshot(page, 'journey-property-split');
  });

  it('configures a split by rules in Serbian Cyrillic, each rule a branch named as written', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    // Signed in already when the test above ran first (the page is shared).
    if (await page.getByTestId('user-name').count() === 0) await env.logIn();
    await pickLanguage(page, 'sr-Cyrl');
    await page.goto(`${app.url}/journeys/${WIN_BACK_JOURNEY_ID}`);
    await page.getByTestId('journey-checklist').waitFor();
    // A step added from the palette lands selected: its config panel opens.
    await page.getByTestId('palette-core/multi-split').click();
    const added = page.locator('[data-node-type="core/multi-split"]');
    await added.waitFor();
    const id = (await added.getAttribute('data-testid'))!.replace(/^node-/, '');
    await page.getByTestId('config-panel').getByText('+ Додај у „Правила“').click();
    await page.getByLabel('Назив гране', { exact: true }).fill('Велике поруџбине');
    await page.getByLabel('Провери', { exact: true }).selectOption({ label: 'Вредност поруџбине' });
    await page.getByLabel('Услов', { exact: true }).selectOption({ label: 'је веће од' });
    await page.getByLabel('Број', { exact: true }).fill('100');
    await waitForText(page.getByTestId(`node-summary-${id}`), (t) => t === 'Прво које важи: „Велике поруџбине“; иначе сви остали');
    // The rule's branch goes by the id the form gave it when it was added, not by its name.
    await waitForText(page.locator(`[data-testid^="branch-${id}-rule:"]`), (t) => t === 'Велике поруџбине');
    await waitForText(page.getByTestId(`branch-${id}-else`), (t) => t === 'Сви остали');
    await screenshot(page, 'split-by-rules-sr-Cyrl');
    expect(await overflowing(page, '[data-testid="config-panel"] label, [data-testid="config-panel"] select')).toEqual([]);
  });
});
