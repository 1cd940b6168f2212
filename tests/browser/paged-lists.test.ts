// A paged list in a real browser: 60 more segments on the demo shop, the Segments page shows
// the first 24 with "1–24 of N" and pages on with Next, searches on the server as you type,
// sorts by last change, and never counts: segments saved behind its back say "not counted
// yet" until the engine's sweep has counted them. Screenshots of each state.
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser();
beforeAll(() => env.logIn(), 120_000);

describe('the paged Segments page', () => {
  it('pages, searches and sorts on the server, showing stored counts only', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    // Each has one customer at most (an order count no demo customer reaches, or the demo's own rule).
    await app.database.sql`insert into segments (id, workspace_id, name, description, rule, created_at, updated_at)
      select 'seg_paged_' || lpad(g::text, 2, '0'), 'ws_demo', 'Paged ' || lpad(g::text, 2, '0'), 'Made by the paging test',
        ${app.database.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1000 })}, now(), now() + g * interval '1 second'
      from generate_series(1, 60) g`;
    const [{ total }] = await app.database.sql<{ total: number }[]>`select count(*)::int as total from segments where workspace_id = 'ws_demo'`;
    await page.goto(`${app.url}/segments`);
    const range = page.getByTestId('pager-range');
    await waitForText(range, (t) => t === `1–24 of ${total}`);
    await expect.poll(() => page.locator('[data-testid^="segment-seg_"]').count()).toBe(24);
    await screenshot(page, 'paged-segments-first');

    await page.getByRole('button', { name: 'Next' }).click();
    await waitForText(range, (t) => t === `25–48 of ${total}`);
    await screenshot(page, 'paged-segments-second');

    await page.getByLabel('Search segments').fill('paged 1');
    // Ten matches fit one page: no pager, only the matching cards, back at the first page.
    await expect.poll(() => page.locator('[data-testid^="segment-seg_"]').count()).toBe(10);
    const names = await page.locator('[data-testid^="segment-seg_"] h3').allTextContents();
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `Paged ${String(10 + i).padStart(2, '0')}`));
    await screenshot(page, 'paged-segments-search');

    await page.getByLabel('Sort').selectOption({ label: 'Recently changed' });
    await expect.poll(async () => page.locator('[data-testid^="segment-seg_"] h3').first().textContent()).toBe('Paged 19');
    // Counted by the engine in the background (the page refreshes while any waits), never by the list.
    const card = page.getByTestId('segment-seg_paged_19');
    await waitForText(card.getByTestId('segment-count'), (t) => /^0 customers, counted/.test(t), 90_000);
    await screenshot(page, 'paged-segments-sorted');
  });
});
