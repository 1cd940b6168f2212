// A customer's data rights in a real browser: the owner downloads everything held about a demo
// customer as a JSON file and erases them after typing their id; a viewer sees neither action.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedUser } from '../support/api-client';
import { screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

describe('data rights on the customer page', () => {
  it('downloads the data, and erases the customer once their id is typed', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const sql = app.database.sql;
    const [customer] = await sql<{ id: string; email: string }[]>`
      select c.id, c.email from customers c join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id
      where c.workspace_id = ${env.demo.workspaceId} order by s.order_count desc, c.id limit 1`;

    await env.logIn();
    await page.goto(`${app.url}/customers/${customer.id}`);
    const download = page.getByRole('button', { name: 'Download data' });
    await download.waitFor();
    await screenshot(page, 'customer-data-rights');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe(`customer-${customer.id}.json`);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.tables.customers[0]).toMatchObject({ id: customer.id, email: customer.email });
    expect(exported.tables.orders.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Erase customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
    const confirm = dialog.getByRole('button', { name: 'Erase customer' });
    await dialog.getByLabel('Customer id').fill(customer.id.slice(0, -1));
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Customer id').fill(customer.id);
    expect(await confirm.isEnabled()).toBe(true);
    await screenshot(page, 'customer-erase-confirm');
    await confirm.click();
    await page.waitForURL(`${app.url}/customers`);
    expect(await sql`select 1 from customers where workspace_id = ${env.demo.workspaceId} and id = ${customer.id}`).toHaveLength(0);
    const [audit] = await sql`select actor_email, target_id from audit_log where action = 'customers.erase'`;
    expect(audit).toEqual({ actor_email: env.demo.email, target_id: customer.id });
  });

  it('shows a viewer neither action', { timeout: 60_000 }, async () => {
    const { app, browser } = env;
    await seedUser(app.database, { id: 'u_viewer', workspaceId: env.demo.workspaceId, email: 'viewer@demo.shop', password: 'viewer-password', role: 'viewer' });
    const [customer] = await app.database.sql<{ id: string }[]>`select id from customers where workspace_id = ${env.demo.workspaceId} order by id limit 1`;
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Email').fill('viewer@demo.shop');
    await page.getByLabel('Password').fill('viewer-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`${app.url}/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Download data' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Erase customer' }).count()).toBe(0);
    await page.close();
  });
});
