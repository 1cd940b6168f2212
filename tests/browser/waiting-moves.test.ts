// A step with customers waiting in it, deleted in the browser: the delete asks what happens to them
// (finish on their version, move to a step, exit); left on their version, Publish asks again when
// the editor is opened later, the marketer moves them to the email step, and the publish moves them there at once: the notice says so, and their runs go on in the new
// version. Asked in Russian (test-artifacts/waiting-moves-ru.png).
import { createRegistry } from '@afterglow/nodes';
import { expect, it } from 'vitest';
import config from '../../afterglow.config';
import { connectHandles, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });
const JOURNEY = 'jrn_waiting_moves';
const registry = createRegistry(config.plugins);
/** A step with its type's defaults and these settings. */
const step = (id: string, type: string, y: number, settings: Record<string, unknown>, label?: string) =>
  ({ id, type, typeVersion: 1, position: { x: 0, y }, ...(label && { label }), config: { ...(structuredClone(registry.require(type).defaults) as Record<string, unknown>), ...settings } });
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Welcome</mj-text></mj-column></mj-section></mj-body></mjml>';
const graph = {
  nodes: [
    step('trigger', 'core/trigger-event', 0, { event: 'Moves Test' }),
    step('cooling', 'core/wait', 200, { mode: 'duration', amount: 3, unit: 'days' }, 'Cooling off'),
    step('welcome', 'core/send-email', 400, { subject: 'Welcome', body, kind: 'transactional' }, 'Welcome'),
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'cooling' },
    { id: 'e2', source: 'cooling', sourceHandle: 'out', target: 'welcome' },
  ],
};

it('asks what happens to customers waiting at a deleted step, and moves them at publish', { timeout: 240_000 }, async () => {
  const { app, page } = env;
  await app.database.sql`insert into journeys (id, workspace_id, name, draft, status)
    values (${JOURNEY}, ${env.demo.workspaceId}, 'Moves', ${JSON.stringify(graph)}::text::jsonb, 'draft')`;
  await env.logIn();
  await page.goto(`${app.url}/journeys/${JOURNEY}`);
  await page.getByTestId('publish').click();
  await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 1'));
  for (const userId of ['cust_0001', 'cust_0002']) {
    expect((await env.track({ userId, event: 'Moves Test', messageId: `moves-${userId}` })).status).toBe(200);
  }
  const waiting = async () => (await app.database.sql`select count(*)::int as n from journey_runs
    where journey_id = ${JOURNEY} and node_id = 'cooling' and status = 'waiting'`)[0].n;
  await expect.poll(waiting, { timeout: 30_000 }).toBe(2);

  // Delete the wait: asked at once; the default lets them finish on version 1. Then wire the trigger straight to the email.
  await page.getByTestId('node-cooling').locator('.text-sm.font-semibold').first().click();
  await page.keyboard.press('Delete');
  await waitForText(page.getByTestId('waiting-moves'), (t) => t.includes('Cooling off: 2 customers waiting'));
  await screenshot(page, 'waiting-moves-delete-en');
  await page.getByTestId('waiting-confirm').click();
  await expect.poll(() => page.getByTestId('node-cooling').count()).toBe(0);
  await connectHandles(page, page.getByTestId('handle-trigger-out'), page.getByTestId('node-welcome').locator('.react-flow__handle.target'));
  await waitForText(page.getByTestId('journey-checklist'), (t) => t.includes('Ready to publish'));
  await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');

  // Opened again later: with no move chosen, Publish asks again, and this time they move.
  await page.reload();
  await pickLanguage(page, 'ru');
  await page.getByTestId('publish').click();
  const dialog = page.getByTestId('waiting-moves');
  const asked = await waitForText(dialog, (t) => t.includes('Cooling off'));
  expect(asked).toContain('ждут 2 покупателя');
  await dialog.getByRole('radio', { name: 'Сразу перевести их на шаг этого сценария' }).check();
  expect(await page.getByTestId('waiting-target').locator('option:checked').textContent()).toBe('Welcome');
  await screenshot(page, 'waiting-moves-ru');
  await page.getByTestId('waiting-confirm').click();
  await waitForText(page.getByTestId('publish-success'), (t) => t.includes('версия 2') && t.includes('2 покупателя переведены на новые шаги'));

  // On version 2 at the email step, due at once: the engine sends and completes them.
  await expect.poll(async () => (await app.database.sql`select count(*)::int as n from journey_runs r join journeys j on j.current_version_id = r.version_id
    where r.journey_id = ${JOURNEY} and r.status = 'completed'`)[0].n, { timeout: 60_000 }).toBe(2);
  expect(await waiting()).toBe(0);
  await pickLanguage(page, 'en');
});
