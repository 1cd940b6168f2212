// The Call webhook step in a real browser: its generated form (JSON body, headers, a hidden
// secret), the inline error naming the body when it is not valid JSON, and delivered and
// undelivered calls counted on the canvas. The app runs with AFTERGLOW_WEBHOOK_ALLOW_PRIVATE's
// option on, so its worker can reach the receiver on 127.0.0.1.
import { createRegistry } from '@afterglow/nodes';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishGraph } from '../support/journeys';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const at = (y: number) => ({ x: 0, y });
const env = useAppInBrowser({ appOptions: { webhookAllowPrivate: true } });
const received: string[] = [];
const receiver = createServer((req, res) => {
  received.push(req.url ?? '');
  req.resume().on('end', () => res.writeHead(req.url === '/gone' ? 404 : 200).end());
});

beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

describe('Call webhook in the browser', () => {
  it('shows the form, names a broken body, and counts delivered and undelivered calls', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const hook = (url: string) => ({ url, method: 'POST', headers: [{ name: 'Authorization', value: 'Bearer demo-token' }],
      secret: 'whsec_demo_0123456789', body: '{\n  "email": "{{ customer.email }}",\n  "name": "{{ customer.fullName }}",\n  "order": {{ event.order_id }}\n}' });
    const ws = app.demo!.workspaceId;
    await publishGraph(app.database, createRegistry(), ws, 'j_hooks', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at(0), config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
        { id: 'crm', type: 'core/call-webhook', position: at(220), config: hook(`${base}/crm`) },
        { id: 'gone', type: 'core/call-webhook', position: at(520), config: hook(`${base}/gone`) },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'crm' }, { id: 'e2', source: 'crm', sourceHandle: 'out', target: 'gone' }],
    });
    await app.database.sql`update journeys set name = 'Tell the CRM' where id = 'j_hooks'`;
    const [customer] = await app.database.sql<{ id: string }[]>`select id from customers where workspace_id = ${ws} order by id limit 1`;
    const tracked = await env.track({ userId: customer.id, event: 'Order Completed', messageId: 'hook-order-1', properties: { order_id: 'ord_h1' } });
    expect(tracked.status).toBe(200);
    await app.engine.advanceUntilIdle();
    await expect.poll(() => received.slice().sort(), { timeout: 30_000 }).toEqual(['/crm', '/gone']);

    await env.logIn();
    await page.goto(`${app.url}/journeys/j_hooks`);
    await page.getByTestId('canvas').waitFor();
    await waitForText(page.getByTestId('node-summary-crm'), (t) => t === 'POST 127.0.0.1 · signed'.replace('127.0.0.1', new URL(base).host));
    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId('stat-crm-delivered'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-gone-undelivered'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-gone-delivered'), (t) => t === '0');
    await screenshot(page, 'webhook-step-stats');

    await page.getByTestId('toggle-live-stats').click(); // back to editing
    await page.getByTestId('node-crm').click();
    const body = page.getByLabel('Body (JSON)');
    await body.waitFor();
    expect(await page.getByLabel('Signing secret').getAttribute('type')).toBe('password');
    expect(await page.getByLabel('Value').getAttribute('type')).toBe('password'); // a header's value is a secret too
    await screenshot(page, 'webhook-step-form');
    await body.fill('{\n  "email": "{{ customer.email }}",\n}');
    await waitForText(page.getByTestId('field-error-body'), (t) => t === 'The body is not valid JSON (line 3): Expected double-quoted property name');
    await screenshot(page, 'webhook-step-body-error');
  });
});
