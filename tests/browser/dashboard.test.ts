// The workspace dashboard in a real browser on the demo shop (two years of orders: the cohort
// grid), with a month of journey and workspace figures in the rollups: tiles, the revenue chart,
// top and worst journeys, the three health cards, a CSV download (its bytes checked), the period
// picker and the weekly digest toggle, at 1440x900, in English and in Russian
// (test-artifacts/dashboard-*.png).
import { ManualClock } from '@afterglow/engine';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock, viewport: { width: 1440, height: 900 } });
const DAY = 86_400_000;

async function seedFigures() {
  const sql = env.app.database.sql;
  const workspaceId = env.app.demo!.workspaceId;
  const journeys = await sql<{ id: string; versionId: string | null }[]>`
    select id, current_version_id as "versionId" from journeys where workspace_id = ${workspaceId} order by name`;
  for (let d = 0; d < 30; d++) {
    const day = new Date(clock.now().getTime() - d * DAY).toISOString().slice(0, 10);
    for (const [i, j] of journeys.entries()) {
      const entries = 20 + ((d * 7 + i * 5) % 17);
      const conversions = (d + i) % 4;
      for (const [metric, n] of Object.entries({ entries, conversions, revenue: conversions * (48.5 + i * 20) })) {
        await sql`insert into journey_daily (journey_id, day, version_id, node_id, metric, n)
          values (${j.id}, ${day}, ${j.versionId ?? 'v0'}, ${metric === 'entries' ? '' : 'mail'}, ${metric}, ${n})`;
      }
    }
    const figures = { emails_sent: 120 + d, bounced: d % 3, unsubscribed: d % 4 === 0 ? 1 : 0, complained: d % 10 === 0 ? 1 : 0,
      coupons_issued: 6, coupons_redeemed: d % 3, discount_given: (d % 3) * 5, coupon_revenue: (d % 3) * 62, points_issued: 300, points_redeemed: 40 };
    for (const [metric, n] of Object.entries(figures)) {
      await sql`insert into workspace_daily (workspace_id, day, metric, n) values (${workspaceId}, ${day}, ${metric}, ${n})
        on conflict (workspace_id, day, metric) do update set n = workspace_daily.n + excluded.n`;
    }
  }
}

describe('the dashboard', () => {
  it('shows every section, downloads a table as CSV, switches period and language', { timeout: 240_000 }, async () => {
    const { page } = env;
    await seedFigures();
    await env.logIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await waitForText(page.getByTestId('dashboard-tiles'), (t) => t.includes('Attributed revenue') && t.includes('Points outstanding'));
    await page.locator('canvas').first().waitFor();
    await page.getByTestId('top-journeys').waitFor();
    await waitForText(page.getByTestId('card-email'), (t) => t.includes('Delivery rate'));
    await page.getByTestId('cohort-grid').waitFor();
    await screenshot(page, 'dashboard-en');
    await page.getByTestId('cohort-grid').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-en-cohorts');

    const download = page.waitForEvent('download');
    await page.getByTestId('csv-journeys').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('journeys.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFJourney,Status,Entries,Conversions,Conversion rate,Revenue,Per entrant\r\n')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(2);

    await page.getByTestId('dashboard-period').selectOption('90');
    await waitForText(page.getByTestId('period-note'), (t) => t.includes('From'));
    await page.getByTestId('dashboard-period').selectOption('7');

    await page.getByTestId('user-name').click();
    await page.getByTestId('digest-toggle').click();
    await expect.poll(() => env.app.database.sql`select 1 from users where weekly_digest`.then((r) => r.length)).toBe(1);
    await page.keyboard.press('Escape');

    await pickLanguage(page, 'ru');
    await waitForText(page.getByTestId('dashboard-tiles'), (t) => t.includes('Атрибутированная выручка'));
    await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await screenshot(page, 'dashboard-ru');
    await page.getByTestId('cohort-grid').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-ru-cohorts');
  });
});
