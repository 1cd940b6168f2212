// A marketer's A/B test drawn in the browser: trigger → Condition: property (big orders) → A/B
// split, from the palette, configured in the forms. Removing an arm drops its own connection and
// leaves the others' where they were (each arm's branch is its own id, not its place). Published,
// walked by orders sent to the ingestion API, the card counts the runs down each arm, as the runs
// themselves went. Then in Russian: the arms renamed keep their connections, a third is added,
// version 2 is published and counted; long names wrap (then are cut), the counts never are.
// Screenshots: test-artifacts/ab-split-en.png, ab-split-ru.png.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { connectHandles, dragLocatorTo, overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()), viewport: { width: 1600, height: 1200 } });
const BIG_ORDERS = 24;

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
const panel = () => env.page.getByTestId('config-panel');

async function selectNode(id: string) {
  await node(id).locator('.text-sm.font-semibold').first().click();
  await panel().waitFor();
}

/** The arm's inputs in the form (the list labelled `list`), by its place in the list: the form shows no ids. */
const armInput = (list: string, place: number, label: string) => panel().getByRole('group', { name: list }).locator(':scope > div').nth(place).getByLabel(label, { exact: true });

/** Each branch's label and count on the split's card, as the canvas shows them. */
const branchCounts = (split: string) => env.page.locator(`[data-testid^="branch-${split}-"]`).evaluateAll((spans) =>
  spans.map((s) => [s.getAttribute('data-testid')!.split('-').pop()!, s.querySelector('b')?.textContent ?? '']));

describe('A/B split in the browser', () => {
  let journeyUrl = '';
  let split = '';
  /** The id the form gave the arm added in the first test. */
  let added = '';

  it('draws a property split and an A/B split, publishes, and counts each arm', { timeout: 300_000 }, async () => {
    const { app, page } = env;
    const [customer] = await app.database.sql<{ id: string }[]>`
      select id from customers where workspace_id = ${app.demo!.workspaceId} order by id limit 1`;

    await env.logIn();
    await page.getByRole('button', { name: 'New journey' }).first().click();
    await page.getByTestId('use-blank').click();
    await page.getByLabel('Name').fill('Coupon or points for big orders');
    await page.getByRole('button', { name: 'Create journey' }).click();
    const trigger = await page.locator('[data-node-type="core/trigger-event"]').getAttribute('data-testid').then((t) => t!.replace(/^node-/, ''));

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const midX = canvas.width / 2;
    await dragLocatorTo(page, node(trigger).locator('.text-sm.font-semibold').first(), { x: canvas.x + midX, y: canvas.y + 60 });
    const condition = await dropStep('core/property-condition', midX, 300);
    split = await dropStep('core/ab-split', midX - 80, 530);
    const exit = await dropStep('core/exit', midX - 320, 780);
    const points = await dropStep('core/grant-points', midX + 80, 780);
    await connectHandles(page, page.getByTestId(`handle-${trigger}-out`), targetHandle(condition));
    await connectHandles(page, page.getByTestId(`handle-${condition}-yes`), targetHandle(split));
    // A new split has arms A and B: A to the exit, B to the points.
    await connectHandles(page, page.getByTestId(`handle-${split}-a`), targetHandle(exit));
    await connectHandles(page, page.getByTestId(`handle-${split}-b`), targetHandle(points));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    await selectNode(trigger);
    await page.getByLabel('Event name').fill('Order Completed');
    await page.getByLabel('Enter once per').fill('order_id');
    await selectNode(condition);
    await page.getByLabel('Check', { exact: true }).selectOption({ label: 'The order’s value' });
    await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'is greater than' });
    await page.getByLabel('Number', { exact: true }).fill('50');

    // Three arms: B renamed, a new one added, then A removed: B keeps its connection, A's goes.
    await selectNode(split);
    await armInput('Arms', 1, 'Name').fill('Double points');
    await panel().getByText('+ Add to “Arms”').click();
    await armInput('Arms', 2, 'Name').fill('Coupon 10%');
    await armInput('Arms', 2, 'Share of entrants').fill('20');
    await waitForText(page.getByTestId('field-error-arms'), (t) => t === 'The shares add up to 120%: make them 100%');
    await panel().getByRole('button', { name: 'Remove Arms 1' }).click();
    await armInput('Arms', 0, 'Share of entrants').fill('40');
    await armInput('Arms', 1, 'Share of entrants').fill('60');
    await waitForText(page.getByTestId(`node-summary-${split}`), (t) => t === 'Split at random: “Double points” 40%, “Coupon 10%” 60%');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    expect(await page.getByTestId(`handle-${split}-a`).count()).toBe(0);
    await waitForText(page.getByTestId(`branch-${split}-b`), (t) => t === 'Double points');
    added = (await branchCounts(split)).map(([id]) => id).find((id) => id !== 'b')!;
    expect(added).toMatch(/^[a-z0-9]{10}$/);
    await waitForText(page.getByTestId(`branch-${split}-${added}`), (t) => t === 'Coupon 10%');
    // The exit step is now unreachable: the journey checklist names it; remove it.
    await selectNode(exit);
    await panel().getByRole('button', { name: 'Delete step' }).click();
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');

    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-success'), (t) => t.includes('Published version 1'));
    journeyUrl = page.url();

    const orders = [...Array.from({ length: BIG_ORDERS }, (_, i) => [`ord_big_${i}`, 80 + i] as const), ['ord_small', 20] as const];
    for (const [order, total] of orders) {
      const sent = await env.track({ userId: customer.id, event: 'Order Completed', messageId: `ab-${order}`, properties: { order_id: order, total, currency: 'EUR' } });
      expect(sent.status).toBe(200);
    }
    await app.engine.advanceUntilIdle();
    const went = await app.database.sql<{ branch: string; n: number }[]>`
      select branch, count(*)::int as n from run_steps where node_id = ${split} group by branch`;
    const byArm = Object.fromEntries(went.map((r) => [r.branch, String(r.n)]));
    expect(Object.keys(byArm).sort()).toEqual([added, 'b'].sort());
    expect(went.reduce((sum, r) => sum + r.n, 0)).toBe(BIG_ORDERS);

    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId(`branch-${condition}-yes`), (t) => t === `Yes${BIG_ORDERS}`);
    await waitForText(page.getByTestId(`branch-${split}-b`), (t) => t === `Double points${byArm.b}`);
    await waitForText(page.getByTestId(`branch-${split}-${added}`), (t) => t === `Coupon 10%${byArm[added]}`);
    await waitForText(page.getByTestId(`stat-${points}-entered`), (t) => t === byArm.b);
    expect(await overflowing(page, `[data-testid="node-${split}"] span, [data-testid="node-${split}"] div`)).toEqual([]);
    await screenshot(page, 'ab-split-en');
  });

  it('in Russian: renamed arms keep their connections, a third arm is added, and each counts its runs', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    await pickLanguage(page, 'ru');
    await page.goto(journeyUrl);
    await selectNode(split);
    await armInput('Ветки', 0, 'Название').fill('Двойные баллы');
    await armInput('Ветки', 1, 'Название').fill('Купон на 10%');
    await panel().getByText('+ Добавить в «Ветки»').click();
    await armInput('Ветки', 2, 'Название').fill('Контрольная группа');
    await armInput('Ветки', 0, 'Доля покупателей').fill('30');
    await armInput('Ветки', 1, 'Доля покупателей').fill('50');
    await armInput('Ветки', 2, 'Доля покупателей').fill('20');
    await waitForText(page.getByTestId(`node-summary-${split}`),
      (t) => t === 'Случайно: «Двойные баллы» 30\u00a0%, «Купон на 10%» 50\u00a0%, «Контрольная группа» 20\u00a0%');
    // Renamed, "Double points" is still the arm connected to the points.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await waitForText(page.getByTestId(`branch-${split}-b`), (t) => t === 'Двойные баллы');
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Сохранено ✓');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-success').waitFor();
    const [control] = (await branchCounts(split)).map(([id]) => id).filter((id) => id !== 'b' && id !== added);

    const [customer] = await app.database.sql<{ id: string }[]>`
      select id from customers where workspace_id = ${app.demo!.workspaceId} order by id limit 1`;
    for (let i = 0; i < BIG_ORDERS; i++) {
      const sent = await env.track({ userId: customer.id, event: 'Order Completed', messageId: `ab2-${i}`, properties: { order_id: `ord_v2_${i}`, total: 90, currency: 'EUR' } });
      expect(sent.status).toBe(200);
    }
    await app.engine.advanceUntilIdle();
    const went = await app.database.sql<{ branch: string; n: number }[]>`
      select s.branch, count(*)::int as n from run_steps s join journey_versions v on v.id = s.version_id
      where s.node_id = ${split} and v.version = 2 group by s.branch`;
    const byArm = Object.fromEntries(went.map((r) => [r.branch, String(r.n)]));
    expect(went.reduce((sum, r) => sum + r.n, 0)).toBe(BIG_ORDERS);

    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId(`branch-${split}-b`), (t) => t === `Двойные баллы${byArm.b ?? 0}`);
    await waitForText(page.getByTestId(`branch-${split}-${added}`), (t) => t === `Купон на 10%${byArm[added] ?? 0}`);
    await waitForText(page.getByTestId(`branch-${split}-${control}`), (t) => t === `Контрольная группа${byArm[control] ?? 0}`);
    // However long the names, each arm's count shows whole (a name wraps, then is cut; whole in the tooltip).
    for (const arm of ['b', added, control]) {
      expect(await page.getByTestId(`branch-${split}-${arm}`).locator('b').evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    }
    expect(await page.getByTestId(`branch-${split}-${control}`).getAttribute('title')).toBe('Контрольная группа');
    expect(await overflowing(page, `[data-testid="node-${split}"] span, [data-testid="node-${split}"] div`)).toEqual([]);
    await screenshot(page, 'ab-split-ru');
  });
});
