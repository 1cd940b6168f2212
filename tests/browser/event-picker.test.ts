// The event picker in a real browser on the seeded demo shop: the trigger's event is chosen by
// its label ("Order paid", raw name order_paid beside it) among the events the shop sent, a
// filter's property among the keys that event arrived with; a later condition and the journey's
// goal offer the trigger event's keys too; a name nothing has sent is kept with a warning. Then
// the same in Russian, pictured in both languages for a look at Cyrillic's longer labels.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1400, height: 1100 } });

interface DraftNode { id: string; type: string; config: Record<string, unknown> }

it('picks the trigger event and a filter property from what the shop sent, in English and Russian', { timeout: 240_000 }, async () => {
  const { app, page } = env;
  const ws = app.demo!.workspaceId;
  const graph = {
    nodes: [
      { id: 'start', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: '', filters: [], entryKeyProperty: '' } },
      { id: 'check', type: 'core/property-condition', position: { x: 0, y: 220 }, config: {
        source: 'event', customerField: 'email', attribute: '', eventProperty: '', contextKey: '',
        operator: 'is_set', value: '', number: 0, numberTo: 0, date: '', days: 30, values: [],
      } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'check' }],
  };
  await app.database.sql`insert into journeys (id, workspace_id, name, draft) values ('j_picker', ${ws}, 'Paid orders', ${app.database.sql.json(graph)})`;
  const draftNodes = async () => {
    const [row] = await app.database.sql<{ draft: { nodes: DraftNode[] } }[]>`select draft from journeys where id = 'j_picker'`;
    return row.draft.nodes;
  };
  const [customer] = await app.database.sql<{ id: string }[]>`select id from customers where workspace_id = ${ws} order by id limit 1`;
  const paid = await env.track({ userId: customer.id, event: 'order_paid', messageId: 'picker-paid-1',
    properties: { order_id: 'ord_picker', total: 42.5, currency: 'EUR', gateway: 'card' } });
  expect(paid.status).toBe(200);

  await env.logIn();
  await page.goto(`${app.url}/journeys/j_picker`);
  await page.getByTestId('node-start').getByText('Trigger on event').click();
  const eventInput = page.getByLabel('Event name', { exact: true });
  await eventInput.click();
  await eventInput.fill('paid');
  const options = page.getByTestId('event-option');
  await waitForText(options.first(), (t) => t.startsWith('Order paid') && t.includes('1 received') && t.includes('order_paid'));
  // Known events not received yet are offered too, marked so.
  await eventInput.fill('refund');
  await waitForText(options.first(), (t) => t.startsWith('Order refunded') && t.includes('not received yet'));
  await eventInput.fill('paid');
  await options.first().click();
  await expect.poll(() => eventInput.inputValue()).toBe('order_paid');
  await waitForText(page.getByTestId('cfg-start-event-status'), (t) => t.startsWith('Order paid: received once, last seen'));

  await page.getByRole('button', { name: 'Add to Only when' }).click();
  const property = page.getByLabel('Property', { exact: true });
  await property.click();
  const properties = page.getByTestId('property-option');
  await expect.poll(() => properties.locator('.font-mono').allTextContents())
    .toEqual(['currency', 'gateway', 'order_id', 'products', 'total']);
  await property.fill('gate');
  await waitForText(properties.first(), (t) => t === 'gatewaytext · e.g. card');
  await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'event-picker-en.png') });
  await properties.first().click();
  await expect.poll(async () => (await draftNodes())[0].config).toMatchObject({ event: 'order_paid', filters: [{ property: 'gateway' }] });

  // A later step reads the trigger's event: its keys are offered there as well.
  await page.getByTestId('node-check').getByText('Condition: property').click();
  const eventProperty = page.getByLabel('Event property', { exact: true });
  await eventProperty.click();
  await waitForText(page.getByTestId('property-option').nth(1), (t) => t.startsWith('gateway'));
  await eventProperty.press('Escape');

  // The journey's goal is chosen the same way; "Only with the same" offers the trigger event's keys.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.getByLabel('End the journey when a goal is reached').check();
  await waitForText(page.getByTestId('goal-event-status'), (t) => /^Order placed: received [\d,]+ times, last seen/.test(t));
  await page.locator('#goal-same-property').click();
  await expect.poll(() => page.getByTestId('property-option').locator('.font-mono').allTextContents()).toContain('gateway');
  await page.getByTestId('journey-settings').screenshot({ path: path.join(ARTIFACTS, 'event-picker-goal-en.png') });
  await page.locator('#goal-same-property').press('Escape');
  // Journey settings save as you edit, like the graph: no Save button to forget.
  await waitForText(page.getByTestId('settings-save-state'), (t) => t === 'Saved ✓');
  const [stored] = await app.database.sql<{ settings: { goal: { event: string } | null } }[]>`select settings from journeys where id = 'j_picker'`;
  expect(stored.settings.goal?.event).toBe('Order Completed');
  expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);

  // A name nothing has sent stays as typed, with a warning.
  await page.getByTestId('node-start').getByText('Trigger on event').click();
  await eventInput.fill('Order Teleported');
  await eventInput.press('Escape');
  await waitForText(page.getByTestId('cfg-start-event-status'), (t) => t.startsWith('“Order Teleported” has not been received yet'));
  await expect.poll(async () => (await draftNodes())[0].config.event).toBe('Order Teleported');

  await pickLanguage(page, 'ru');
  const eventInRussian = page.getByLabel('Название события', { exact: true });
  await eventInRussian.click();
  await eventInRussian.fill('оплач');
  await waitForText(options.first(), (t) => t.startsWith('Заказ оплачен') && t.includes('получено 1 раз') && t.includes('order_paid'));
  await options.first().click();
  await waitForText(page.getByTestId('cfg-start-event-status'), (t) => t.startsWith('Заказ оплачен: получено 1 раз, последнее'));
  await page.getByLabel('Свойство', { exact: true }).click();
  await waitForText(page.getByTestId('property-option').first(), (t) => t.startsWith('currency') && t.includes('текст'));
  expect(await overflowing(page, '[data-testid="config-panel"] label, [data-testid$="-status"]')).toEqual([]);
  await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'event-picker-ru.png') });
  await eventInRussian.click();
  await eventInRussian.fill('');
  await screenshot(page, 'event-picker-ru-list');
});
