// A loop drawn in the browser: trigger → points → wait → Go to, whose "Again" handle is dragged
// back up to the points step. The back edge is drawn as a way back (dashed, labelled), the card
// names the step it leads back to by its label, the checklist has nothing against the cycle, and
// the journey publishes; the same drawing in Russian reads in Russian.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { connectHandles, dragLocatorTo, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

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

describe('Go to in the browser', () => {
  it('draws the way back to an earlier step, names it on the card and publishes the loop', { timeout: 240_000 }, async () => {
    const { page } = env;
    await env.logIn();
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Points until they come back');
    await page.getByRole('button', { name: 'Create journey' }).click();
    const trigger = await page.locator('[data-node-type="core/trigger-event"]').getAttribute('data-testid').then((t) => t!.replace(/^node-/, ''));

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const midX = canvas.width / 2;
    await dragLocatorTo(page, node(trigger).locator('.text-sm.font-semibold').first(), { x: canvas.x + midX, y: canvas.y + 60 });
    const points = await dropStep('core/grant-points', midX, 250);
    const wait = await dropStep('core/wait', midX, 440);
    const goTo = await dropStep('core/go-to', midX, 630);
    await waitForText(page.getByTestId(`node-summary-${goTo}`), (t) => t === 'Connect “Again” to an earlier step, at most 3 times');

    await connectHandles(page, page.getByTestId(`handle-${trigger}-out`), targetHandle(points));
    await connectHandles(page, page.getByTestId(`handle-${points}-out`), targetHandle(wait));
    await connectHandles(page, page.getByTestId(`handle-${wait}-out`), targetHandle(goTo));
    // The way back: from Go to's "Again", up to the points step.
    await connectHandles(page, page.getByTestId(`handle-${goTo}-again`), targetHandle(points));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid^="loop-edge-"]').count()).toBe(1);
    await waitForText(page.getByTestId(`node-summary-${goTo}`), (t) => t === 'Back to “Grant loyalty points”, at most 3 times');

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await node(trigger).locator('.text-sm.font-semibold').first().click();
    await page.getByLabel('Event name').fill('Checkout Abandoned');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await waitForText(page.getByTestId('journey-checklist'), (t) => t.includes('Ready to publish'));
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');
    await screenshot(page, 'go-to-loop');
    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 1'));

    await pickLanguage(page, 'ru');
    await waitForText(page.getByTestId(`node-summary-${goTo}`), (t) => t === 'Назад к шагу «Начислить баллы», не больше 3 раз');
    await screenshot(page, 'go-to-loop-ru');
  });
});
