// The journey report in a real browser: a published demo journey with a month of figures in its
// rollups, a Holdout step's groups and an A/B split's arms; the tiles, both uPlot charts, the lift
// cards with their intervals and the "sample too small" message, by day and by week, and two
// published versions side by side (test-artifacts/journey-report-*.png).
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock, viewport: { width: 1280, height: 1400 } });
const DAY = 86_400_000;

/** A month of a journey's life as its rollups hold it (the figures themselves: tests/journey-report.test.ts). */
async function seedFigures(journeyId: string, versionId: string) {
  const sql = env.app.database.sql;
  for (let d = 0; d < 30; d++) {
    const day = new Date(clock.now().getTime() - d * DAY).toISOString().slice(0, 10);
    const entries = 40 + ((d * 7) % 23);
    const metrics = { entries, sent: entries - 4, opened: Math.round(entries / 2), clicked: Math.round(entries / 6), unsubscribed: d % 5 === 0 ? 1 : 0,
      conversions: 2 + (d % 4), revenue: (2 + (d % 4)) * 54.5 };
    for (const [metric, n] of Object.entries(metrics)) {
      await sql`insert into journey_daily (journey_id, day, version_id, node_id, metric, n) values (${journeyId}, ${day}, ${versionId}, ${metric === 'entries' ? '' : 'mail'}, ${metric}, ${n})`;
    }
  }
  await sql`insert into journey_group_totals (journey_id, version_id, grp, runs, converted, revenue, revenue_sq) values
    (${journeyId}, ${versionId}, 'holdout:holdout:in', 1080, 162, 9180, 780000),
    (${journeyId}, ${versionId}, 'holdout:holdout:out', 120, 13, 700, 52000)`;
}

describe('the journey report', () => {
  it('shows the figures, charts and lift with its interval, by day and by week', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    const sql = app.database.sql;
    const [journey] = await sql<{ id: string; versionId: string }[]>`
      select j.id, j.current_version_id as "versionId" from journeys j
      where j.workspace_id = ${app.demo!.workspaceId} and j.current_version_id is not null order by j.name limit 1`;
    await seedFigures(journey.id, journey.versionId);
    await env.logIn();
    await page.goto(`${new URL(page.url()).origin}/journeys/${journey.id}`);
    // The journey's settings say what counts: orders, within 5 days, groups compared over 30.
    const attribution = page.getByTestId('attribution-settings');
    await attribution.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('attribution-windowDays').inputValue()).toBe('5');
    await attribution.screenshot({ path: `${ARTIFACTS}/journey-attribution-settings.png` });
    await page.getByTestId('editor-more').click(); // the report is in the toolbar's More menu
    await page.getByTestId('open-report').click();
    await page.getByTestId('report-tiles').waitFor();
    await waitForText(page.getByTestId('report-tiles'), (t) => t.includes('Entries') && t.includes('Attributed revenue'));
    expect(await page.getByTestId('chart-plot').count()).toBe(2);
    await page.locator('canvas').first().waitFor();
    const lift = page.getByTestId('lift-card');
    await waitForText(lift, (t) => t.includes('Held out') && t.includes('95% interval'));
    await waitForText(page.getByTestId('lift-too-small'), (t) => /The sample is too small: about [\d,]+ more customers are needed/.test(t));
    await screenshot(page, 'journey-report-day');
    await page.getByLabel('Group by').selectOption('week');
    await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 2);
    await screenshot(page, 'journey-report-week');

    // Published again, with a week of figures: the two versions side by side.
    const second = await page.evaluate(async (id) => {
      const res = await fetch('/trpc/journeys.publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
      return ((await res.json()) as { result: { data: { ok: boolean; versionId: string; version: number } } }).result.data;
    }, journey.id);
    expect(second.ok).toBe(true);
    for (let d = 0; d < 7; d++) {
      const day = new Date(clock.now().getTime() - d * DAY).toISOString().slice(0, 10);
      for (const [metric, n] of Object.entries({ entries: 60, sent: 58, opened: 35, clicked: 12, conversions: 6, revenue: 6 * 54.5 })) {
        await sql`insert into journey_daily (journey_id, day, version_id, node_id, metric, n) values (${journey.id}, ${day}, ${second.versionId}, ${metric === 'entries' ? '' : 'mail'}, ${metric}, ${n})`;
      }
    }
    await page.reload();
    await page.getByTestId('report-version').waitFor();
    await page.getByTestId('report-version').selectOption({ label: `Version ${second.version}` });
    const compare = page.getByTestId('version-compare');
    await waitForText(compare, (t) => t.includes(`Version ${second.version - 1}`) && t.includes(`Version ${second.version}`) && t.includes('420'));
    expect(await page.getByTestId('report-version-beside').inputValue()).toBe(journey.versionId);
    await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 2);
    await screenshot(page, 'journey-report-versions');
    await page.getByTestId('report-version-beside').selectOption('');
    await page.getByTestId('report-tiles').waitFor();
  });
});
