// The segment builder and the customer 360 in a real browser: nested any/all groups over the
// new condition kinds with a live count and sample, a reference to another segment, customer
// search, and the customer page with their segments. Screenshots of each screen.
import { ManualClock } from '@afterglow/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()) });
beforeAll(() => env.logIn(), 120_000);

const count = () => env.page.getByTestId('segment-count');
const numberIn = (text: string) => Number(text.replace(/[^0-9]/g, ''));

describe('segments and customers in the browser', () => {
  it('builds a nested segment over orders, brands and another segment, with a live count', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/segments/new`);
    await page.getByLabel('Name').fill('Repeat buyers, big spenders or VIPs');
    const everyone = numberIn(await waitForText(count(), (t) => /\d/.test(t)));
    // Top level "all": one order or more (the default condition) ...
    await page.getByLabel('Comparison').first().selectOption('gte');
    // ... and a nested "any" group: average order value over 50, or in the VIP segment.
    await page.getByRole('button', { name: '+ Group' }).click();
    const group = page.getByTestId('rule-group-1');
    await group.getByLabel('Condition type').selectOption('orders');
    await group.getByLabel('Measure').selectOption('averageOrderValue');
    await group.getByLabel('Comparison').selectOption('gt');
    await group.getByLabel('Value').fill('50');
    await group.getByRole('button', { name: '+ Condition' }).click();
    await group.getByLabel('Condition type').nth(1).selectOption('segment');
    await group.getByLabel('Segment', { exact: true }).selectOption({ label: 'VIP: 3+ orders' });
    const narrowed = numberIn(await waitForText(count(), (t) => /\d/.test(t) && numberIn(t) !== everyone));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(everyone);
    await page.getByText('Live count, updated as you edit').waitFor();
    await screenshot(page, 'segments-builder-nested');

    // The same count the API computes for the saved rule.
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByText('Repeat buyers, big spenders or VIPs').waitFor();
    const card = page.locator('[data-testid^="segment-seg_"]', { hasText: 'Repeat buyers' });
    // The list never counts: the engine's sweep does, and the page shows it when stored.
    expect(numberIn(await waitForText(card.locator('span').first(), (t) => /\d/.test(t), 90_000))).toBe(narrowed);
    await screenshot(page, 'segments-list');
  });

  it('offers every condition kind, with catalogue suggestions', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/segments/new`);
    await page.getByLabel('Condition type').first().waitFor();
    const kinds = await page.getByLabel('Condition type').first().locator('option').allTextContents();
    expect(kinds).toEqual(['Order history', 'Bought', 'Customer attribute', 'Language', 'Tag', 'Did something', 'Email engagement', 'Loyalty points', 'Loyalty tier', 'Another segment']);
    await page.getByLabel('Condition type').first().selectOption('bought');
    await page.getByLabel('Product or category').selectOption('brand');
    // The catalogue's brands arrive with the vocabulary query.
    await expect.poll(() => page.locator('#seg-brands option').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    const brands = await page.locator('#seg-brands option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.getByLabel('Brand').fill(brands[0]);
    await page.getByRole('button', { name: '+ Condition' }).first().click();
    await page.getByLabel('Condition type').nth(1).selectOption('event');
    await page.getByLabel('Event name').fill('Order Completed');
    await page.getByRole('button', { name: '+ Condition' }).first().click();
    await page.getByLabel('Condition type').nth(2).selectOption('email');
    await page.getByLabel('Engaged or not').selectOption('not');
    await page.getByRole('button', { name: '+ Condition' }).first().click();
    await page.getByLabel('Condition type').nth(3).selectOption('attribute');
    await page.getByLabel('Field').selectOption('signupDate');
    await page.getByLabel('Match all or any').first().selectOption('or');
    await waitForText(count(), (t) => numberIn(t) > 0);
    await page.getByText('Live count, updated as you edit').waitFor();
    await screenshot(page, 'segments-builder-kinds');
  });

  it('offers a field only the comparisons its type allows, says what is wrong on the condition, and asks before dropping edits', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/segments/new`);
    await page.getByLabel('Name').fill('Spring birthdays');
    await page.getByLabel('Condition type').first().selectOption('attribute');
    // A month is a number: no "contains"; its value is picked by name.
    await page.getByLabel('Field', { exact: true }).selectOption('birthdayMonth');
    expect(await page.getByLabel('Operator').locator('option').allTextContents()).toEqual(['is', 'is not', 'is greater than', 'is less than', 'is set']);
    expect(await page.getByLabel('Value').locator('option').count()).toBe(12);
    await page.getByLabel('Value').selectOption({ label: 'March' });
    await waitForText(page.getByText('Live count, updated as you edit'), () => true);
    // Text offers contains but no ordering; an empty value is named on the condition, not as JSON.
    await page.getByLabel('Field', { exact: true }).selectOption('email');
    expect(await page.getByLabel('Operator').locator('option').allTextContents()).toEqual(['is', 'is not', 'contains', 'is set']);
    const condition = page.getByTestId('condition-rule.rules.0');
    await waitForText(condition.getByRole('alert'), (t) => t === 'Enter a value');
    await waitForText(page.getByRole('alert').filter({ hasText: 'Fix the marked conditions' }), () => true);
    expect(await page.locator('body').textContent()).not.toContain('"code"');
    await screenshot(page, 'segments-inline-error');

    // Leaving with unsaved edits asks in the app; staying keeps them, leaving drops them.
    await page.getByRole('link', { name: 'Segments' }).first().click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await screenshot(page, 'segments-leave-confirm');
    await ask.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(await page.getByLabel('Name').inputValue()).toBe('Spring birthdays');
    expect(new URL(page.url()).pathname).toBe('/segments/new');
    await page.getByRole('link', { name: 'Segments' }).first().click();
    await ask.getByRole('button', { name: 'Leave and discard changes' }).click();
    await page.waitForURL((u) => u.pathname === '/segments');

    // In Russian the refusal on the field is Russian too.
    await page.evaluate(() => localStorage.setItem('afterglow.locale', 'ru'));
    await page.goto(`${app.url}/segments/new`);
    await page.getByLabel('Тип условия').first().selectOption('attribute');
    await waitForText(page.getByTestId('condition-rule.rules.0').getByRole('alert'), (t) => t === 'Введите значение');
    await screenshot(page, 'segments-inline-error-ru');
    await page.evaluate(() => localStorage.setItem('afterglow.locale', 'en'));
  });

  it('finds customers by part of their email and shows their 360 page', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/customers`);
    await page.getByLabel('Search customers').fill('cust_0007');
    await page.getByRole('link', { name: /./ }).filter({ has: page.locator('xpath=ancestor::td') }).first().waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'customers-search');
    await rows.first().getByRole('link').click();
    await page.getByText('cust_0007').first().waitFor();
    await page.getByText('Marketing email allowed').or(page.getByText('No marketing email')).waitFor();
    await screenshot(page, 'customer-360');
    // A VIP (3+ orders) shows the segment on their page.
    const [vip] = await app.database.sql<{ id: string }[]>`
      select customer_id as id from customer_order_stats where workspace_id = ${app.demo!.workspaceId} and order_count >= 3 order by 1 limit 1`;
    // Their new order puts them in the seeded journey; the page says where they are.
    const sent = await env.track({ userId: vip.id, event: 'Order Completed', messageId: 'seg-browser-order-1',
      properties: { order_id: 'ord_seg_browser_1', total: 42, currency: 'EUR', products: [] } });
    expect(sent.status).toBe(200);
    await app.engine.advanceUntilIdle();
    await page.goto(`${app.url}/customers/${vip.id}`);
    await page.getByTestId('customer-segments').getByText('VIP: 3+ orders').waitFor();
    await page.getByTestId('customer-runs').getByText('Thank you for your order').waitFor();
    await screenshot(page, 'customer-360-vip');
  });

  it('puts "Enters segment" and "Leaves segment" in the palette, configured with a segment picker', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/journeys`);
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Welcome new VIPs');
    await page.getByRole('button', { name: 'Create journey' }).click();
    await page.getByTestId('palette-core/trigger-segment-left').waitFor();
    await page.getByTestId('palette-core/trigger-segment-entered').click();
    const added = page.locator('[data-node-type="core/trigger-segment-entered"]');
    await added.waitFor();
    await added.locator('.text-sm.font-semibold').first().click();
    await page.getByTestId('config-panel').getByLabel('Segment').selectOption('seg_demo_vip');
    await expect.poll(() => added.textContent()).toContain('When the customer enters “VIP: 3+ orders”');
    await screenshot(page, 'journey-enters-segment-trigger');
  });
});
