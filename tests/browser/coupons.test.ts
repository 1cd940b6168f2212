// Coupons and the shop's address in a real browser: the Issue coupon step's form, its issued
// and redeemed counts on the canvas after a run and an order that used the code, the code on
// the customer page, and the shop settings refusing an address that is not https.
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { publishGraph } from '../support/journeys';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock });
const at = (y: number) => ({ x: 0, y });

describe('coupons in the browser', () => {
  it('issues a code, counts its redemption on the canvas, and lists it for the customer', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const sql = app.database.sql;
    const ws = app.demo!.workspaceId;
    await publishGraph(app.database, createRegistry(), ws, 'j_winback', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at(0), config: { event: 'Churn risk', filters: [], entryKeyProperty: '' } },
        { id: 'coupon', type: 'core/issue-coupon', position: at(200),
          config: { kind: 'percent', value: 20, prefix: 'COMEBACK', validDays: 30, minOrderTotal: 0, description: '' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'coupon' }],
    });
    await sql`update journeys set name = 'Win-back with a coupon' where id = 'j_winback'`;
    const [customer] = await sql<{ id: string }[]>`select id from customers where workspace_id = ${ws} order by id limit 1`;
    const track = (messageId: string, event: string, properties: Record<string, unknown>) =>
      env.track({ userId: customer.id, event, messageId, properties });
    expect((await track('churn-1', 'Churn risk', {})).status).toBe(200);
    await app.engine.advanceUntilIdle();
    const issued = () => sql<{ code: string }[]>`select code from coupons where workspace_id = ${ws} and customer_id = ${customer.id}`;
    await expect.poll(async () => (await issued()).length, { timeout: 30_000 }).toBe(1);
    const [{ code }] = await issued();
    expect((await track('order-cp-1', 'Order Completed', { order_id: 'ord_cp_1', total: 30, coupon: code.toLowerCase() })).status).toBe(200);

    await env.logIn();
    await page.goto(`${app.url}/journeys/j_winback`);
    await page.getByTestId('canvas').waitFor();
    await waitForText(page.getByTestId('node-summary-coupon'), (t) => t === '20% off your next order · valid 30 days');
    await page.getByTestId('node-coupon').click();
    await page.getByLabel('Code prefix').waitFor();
    await screenshot(page, 'coupon-step-form');
    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId('stat-coupon-issued'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-coupon-redeemed'), (t) => t === '1');
    await screenshot(page, 'coupon-step-stats');

    await page.goto(`${app.url}/customers/${customer.id}`);
    const coupons = page.getByTestId('customer-coupons');
    await waitForText(coupons, (t) => t.includes(code) && t.includes('redeemed') && t.includes('ord_cp_1') && t.includes('Win-back with a coupon'));
    await coupons.scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-coupons');
  });

  it('keeps the shop name and https address, naming the field it refuses', { timeout: 60_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/settings`);
    const card = page.getByTestId('shop-settings');
    await card.getByLabel('Shop name').fill('Trail & Co');
    await card.getByLabel('Shop web address').fill('http://trail.example');
    await card.getByRole('button', { name: 'Save shop' }).click();
    await waitForText(page.getByTestId('shop-error-url'), (t) => t.includes('https'));
    await screenshot(page, 'shop-settings-refused');
    await card.getByLabel('Shop web address').fill('https://trail.example');
    await card.getByRole('button', { name: 'Save shop' }).click();
    await card.getByText('Saved ✓').waitFor();
    const [ws] = await app.database.sql`select name, settings->'shop'->>'url' as url from workspaces where id = ${app.demo!.workspaceId}`;
    expect(ws).toEqual({ name: 'Trail & Co', url: 'https://trail.example' });
    await screenshot(page, 'shop-settings-saved');
  });
});
