// The Loyalty page in a real browser: its empty state (before anyone has points, with the way to
// Settings), then the figures of seeded ledger rows, tiers and referrals: tiles, both charts drawn
// by uPlot, the top customers; in English and Russian (test-artifacts/loyalty-*.png), nothing cut.
import { ManualClock } from '@afterglow/engine';
import { describe, expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock });
const DAY = 86_400_000;
const TEXTS = 'main h1, main h2, main label, main figcaption, main dt, main dd, main td, main th';
/** Nothing on the page is wider than the page (no sideways scrolling). */
const fitsWidth = () => env.page.locator('main').evaluate((main) => main.scrollWidth <= main.clientWidth);

/** Ledger rows over the last four weeks for twelve customers; tiers stored for most; two referrals. */
async function seedProgramme() {
  const { app } = env;
  const sql = app.database.sql;
  const ws = app.demo!.workspaceId;
  const customers = (await sql<{ id: string }[]>`select id from customers where workspace_id = ${ws} order by id limit 12`).map((c) => c.id);
  const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * DAY);
  const rows = customers.flatMap((id, i) => [
    { id, kind: 'order', points: 200 + i * 150, at: at(25 - i) },
    { id, kind: 'review', points: 50, at: at(20 - i) },
    ...(i % 3 === 0 ? [{ id, kind: 'redeem', points: -100 - i * 10, at: at(8 - (i % 5)) }] : []),
    ...(i % 4 === 1 ? [{ id, kind: 'expire', points: -50, at: at(5) }] : []),
    ...(i % 5 === 2 ? [{ id, kind: 'refund', points: -60, at: at(12) }] : []),
    ...(i % 2 === 0 ? [{ id, kind: 'grant', points: 10, at: at(15 - (i % 7)) }] : []),
  ]);
  for (const r of rows) {
    await sql`insert into loyalty_ledger (workspace_id, customer_id, kind, points, reason, created_at) values (${ws}, ${r.id}, ${r.kind}, ${r.points}, ${r.kind}, ${r.at})`;
  }
  // As the tiers job would store them: by lifetime points, which grow with i here.
  const tiers = ['bronze', 'bronze', 'bronze', 'bronze', 'bronze', 'silver', 'silver', 'silver', 'gold', 'gold', 'gold', 'platinum'];
  for (const [i, tier] of tiers.entries()) {
    await sql`insert into loyalty_members (workspace_id, customer_id, tier_id) values (${ws}, ${customers[i]}, ${tier})
      on conflict (workspace_id, customer_id) do update set tier_id = excluded.tier_id`;
  }
  for (const n of [1, 2]) {
    await sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
      values (${ws}, ${`referral-${n}`}, 'track', ${customers[n]}, 'Referral Completed', ${sql.json({ role: 'referrer' })}, ${at(3 * n)})`;
  }
}

describe('the Loyalty page', () => {
  it('shows an empty programme, then its members, points and best customers in English and Russian', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    await app.database.sql`delete from loyalty_ledger where workspace_id = ${app.demo!.workspaceId}`;
    await env.logIn();
    await page.getByRole('link', { name: 'Loyalty' }).click();
    await page.getByRole('heading', { name: 'No loyalty activity yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Set up the programme in Settings' }).getAttribute('href')).toBe('/settings');
    await screenshot(page, 'loyalty-empty-en');

    await seedProgramme();
    await page.reload();
    await page.getByTestId('tile-members').waitFor();
    await waitForText(page.getByTestId('tile-members'), (t) => t === '12');
    await waitForText(page.getByTestId('tile-referrals'), (t) => t === '2');
    // uPlot draws both charts on canvases; the numbers are also there as tables.
    await expect.poll(() => page.locator('[data-testid="chart-plot"] canvas').count(), { timeout: 30_000 }).toBe(2);
    const tierTable = page.getByRole('table').filter({ hasText: 'Platinum' }).first();
    expect(await tierTable.locator('tbody tr').allTextContents()).toEqual(['Bronze5', 'Silver3', 'Gold3', 'Platinum1']);
    expect(await page.getByTestId('top-customers').locator('tbody tr').count()).toBe(10);
    expect(await overflowing(page, TEXTS)).toEqual([]);
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, 'loyalty-en');
    await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await screenshot(page, 'loyalty-en-bottom');
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));

    await page.getByRole('button', { name: 'Show as table' }).first().click();
    await page.getByRole('button', { name: 'Show as chart' }).waitFor();
    await screenshot(page, 'loyalty-table-en');
    await page.getByRole('button', { name: 'Show as chart' }).click();

    await pickLanguage(page, 'ru');
    await page.getByRole('heading', { name: 'Лояльность' }).waitFor();
    await page.getByLabel('Период').selectOption('365');
    await page.getByLabel('Группировка').selectOption('week');
    await waitForText(page.getByTestId('tile-issued'), (t) => t.length > 0);
    await expect.poll(() => page.locator('[data-testid="chart-plot"] canvas').count(), { timeout: 30_000 }).toBe(2);
    expect(await overflowing(page, TEXTS)).toEqual([]);
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, 'loyalty-ru');
    await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await screenshot(page, 'loyalty-ru-bottom');
  });
});
