// The journey-level holdout and the A/B winner in a real browser. A published journey with an
// A/B split and results for both arms: on the report a marketer makes "Gift" the winner, the
// dialog saying what happens to the customers already on the other arm, and the journey is
// republished with that arm only. Then the journey's settings hold out 10% of entrants, and the
// report shows the whole journey's treated vs held-out card with its interval.
// An editor left open on the old draft cannot autosave it over the winner: it says so and reloads.
// Screenshots: test-artifacts/journey-winner-card.png, journey-winner-dialog.png, journey-holdout-settings.png,
// journey-holdout-report.png, journey-draft-conflict.png, journey-report-who-is-here.png.
import { ManualClock } from '@afterglow/engine';
import type { JourneyPlan } from '@afterglow/journey-core';
import { abSplit, grantPoints, triggerOnEvent } from '@afterglow/nodes';
import { expect, it } from 'vitest';
import { ARTIFACTS, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()), viewport: { width: 1280, height: 1300 } });

/** A tRPC call with the signed-in page's session, as the app makes it. */
async function call(path: string, input: unknown): Promise<unknown> {
  return env.page.evaluate(async ({ path, input }) => {
    const res = await fetch(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return ((await res.json()) as { result: { data: unknown } }).result.data;
  }, { path, input });
}

const at = (x: number, y: number) => ({ x, y });
const draft = {
  nodes: [
    { id: 'trigger', type: triggerOnEvent.id, typeVersion: triggerOnEvent.version, position: at(0, 0), config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
    { id: 'split', type: abSplit.id, typeVersion: abSplit.version, position: at(0, 150),
      config: { arms: [{ id: 'plain', name: 'Plain', weight: 50 }, { id: 'gift', name: 'Gift', weight: 50 }] } },
    { id: 'small', type: grantPoints.id, typeVersion: grantPoints.version, position: at(-150, 300), config: { amount: 5, reason: 'Welcome' } },
    { id: 'big', type: grantPoints.id, typeVersion: grantPoints.version, position: at(150, 300), config: { amount: 50, reason: 'Welcome gift' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'split' },
    { id: 'e2', source: 'split', sourceHandle: 'plain', target: 'small' },
    { id: 'e3', source: 'split', sourceHandle: 'gift', target: 'big' },
  ],
};

it('makes an arm the winner from the report, then holds out 10% of entrants and shows their lift', { timeout: 300_000 }, async () => {
  const { app, page } = env;
  const sql = app.database.sql;
  await env.logIn();
  const { id } = (await call('journeys.create', { name: 'Welcome points' })) as { id: string };
  await call('journeys.saveDraft', { id, draft });
  const first = (await call('journeys.publish', { id })) as { ok: boolean; versionId: string };
  expect(first.ok).toBe(true);
  await sql`insert into journey_group_totals (journey_id, version_id, grp, runs, converted, revenue, revenue_sq) values
    (${id}, ${first.versionId}, 'arm:split:plain', 410, 21, 1260, 98000), (${id}, ${first.versionId}, 'arm:split:gift', 395, 37, 2405, 190000)`;

  await page.goto(`${app.url}/journeys/${id}/report`);
  const card = page.getByTestId('lift-card');
  await waitForText(card, (t) => t.includes('Gift') && t.includes('95% interval'));
  await card.screenshot({ path: `${ARTIFACTS}/journey-winner-card.png` });
  // The funnel's step opens who is there, as on the canvas.
  await page.getByTestId('funnel-who-split').click();
  const panel = page.getByTestId('step-runs');
  await waitForText(panel, (t) => t.includes('Nobody is at this step right now.'));
  await screenshot(page, 'journey-report-who-is-here');
  await panel.getByRole('button', { name: 'Close' }).click();
  await panel.waitFor({ state: 'detached' });
  await card.getByTestId('make-winner-gift').click();
  const dialog = page.getByRole('dialog');
  await waitForText(dialog, (t) => t.includes('Make “Gift” the winner?') && t.includes('go on along their arm until they finish'));
  await dialog.screenshot({ path: `${ARTIFACTS}/journey-winner-dialog.png` });
  await page.getByTestId('confirm-winner').click();
  await dialog.waitFor({ state: 'detached' });
  // Published as version 2 with the Gift arm only; the split's results stay, no longer offered.
  const [live] = await sql<{ version: number; plan: JourneyPlan }[]>`
    select v.version, v.plan from journeys j join journey_versions v on v.id = j.current_version_id where j.id = ${id}`;
  expect(live.version).toBe(2);
  expect(Object.keys(live.plan.nodes).sort()).toEqual(['big', 'trigger']);
  await expect.poll(() => card.getByTestId('make-winner-plain').count()).toBe(0);

  // The journey's settings: hold out 10% of entrants, saved as typed, published with the journey.
  await page.goto(`${app.url}/journeys/${id}`);
  const holdout = page.getByTestId('holdout-settings');
  await holdout.scrollIntoViewIfNeeded();
  expect(await page.getByTestId('holdout-percent').inputValue()).toBe('0');
  await page.getByTestId('holdout-percent').fill('10');
  await waitForText(holdout, (t) => t.includes('10% of the customers who enter get no emails'));
  await expect.poll(async () => (await sql`select settings #>> '{holdout,percent}' as p from journeys where id = ${id}`)[0].p, { timeout: 30_000 }).toBe('10');
  await holdout.screenshot({ path: `${ARTIFACTS}/journey-holdout-settings.png` });
  const third = (await call('journeys.publish', { id })) as { ok: boolean; versionId: string };
  const [{ percent }] = await sql`select plan #>> '{settings,holdout,percent}' as percent from journey_versions where id = ${third.versionId}`;
  expect(percent).toBe('10');

  // A month of entrants later (the groups as the engine and ingestion keep them): the whole journey's lift.
  await sql`insert into journey_group_totals (journey_id, version_id, grp, runs, converted, revenue, revenue_sq) values
    (${id}, ${third.versionId}, 'entry:holdout:in', 1800, 126, 7900, 520000), (${id}, ${third.versionId}, 'entry:holdout:out', 200, 9, 540, 36000)`;
  await page.goto(`${app.url}/journeys/${id}/report`);
  const journeyCard = page.getByTestId('lift-card-journey');
  await waitForText(journeyCard, (t) => t.includes('Whole journey: held out at entry') && t.includes('Held out') && t.includes('Got the journey'));
  await waitForText(journeyCard, (t) => /The sample is too small: about [\d,]+ more customers are needed/.test(t));
  await screenshot(page, 'journey-holdout-report');
});

it('an editor open on the draft before the winner was made cannot save it back: it offers to reload', { timeout: 300_000 }, async () => {
  const { app, page } = env;
  const sql = app.database.sql;
  if (await page.getByRole('navigation', { name: 'Main' }).count() === 0) await env.logIn();
  const { id } = (await call('journeys.create', { name: 'Open in a tab' })) as { id: string };
  await call('journeys.saveDraft', { id, draft });
  const first = (await call('journeys.publish', { id })) as { ok: boolean; versionId: string };
  await sql`insert into journey_group_totals (journey_id, version_id, grp, runs, converted, revenue, revenue_sq) values
    (${id}, ${first.versionId}, 'arm:split:plain', 410, 21, 1260, 98000), (${id}, ${first.versionId}, 'arm:split:gift', 395, 37, 2405, 190000)`;
  await page.goto(`${app.url}/journeys/${id}`);
  const name = page.getByLabel('Journey name');
  await name.waitFor();
  // Meanwhile, in another tab, Gift is made the winner: the draft loses the split.
  expect(await call('journeys.makeWinner', { journeyId: id, nodeId: 'split', armId: 'gift' })).toMatchObject({ ok: true, version: 2 });
  await name.fill('Open in a tab, renamed');
  const banner = page.getByTestId('draft-conflict');
  await waitForText(banner, (t) => t.includes('This draft was changed elsewhere') && t.includes('Reload'));
  await screenshot(page, 'journey-draft-conflict');
  const stored = async () => (await sql<{ nodes: string[] }[]>`
    select array(select n ->> 'id' from jsonb_array_elements(draft -> 'nodes') n order by 1) as nodes from journeys where id = ${id}`)[0].nodes;
  expect(await stored()).toEqual(['big', 'trigger']);
  // Reloading opens the winner's draft, and edits save again.
  await page.getByTestId('draft-conflict-reload').click();
  await banner.waitFor({ state: 'detached' });
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 30_000 }).toBe(2);
  await page.getByLabel('Journey name').fill('Open in a tab, after the winner');
  await expect.poll(async () => (await sql`select name from journeys where id = ${id}`)[0].name, { timeout: 30_000 }).toBe('Open in a tab, after the winner');
  expect(await stored()).toEqual(['big', 'trigger']);
});
