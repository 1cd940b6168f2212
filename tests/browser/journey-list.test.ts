// The journey list and version history in Chromium: with 500 more journeys the page shows one
// page of 25 rows, not all; a search finds the demo journey; Duplicate opens its copy; in the
// editor, History compares two published versions in words and reverts the draft to the first.
import { expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });

/** A tRPC call from the signed-in page (its session cookie, same origin). */
async function call(path: string, input: unknown, mutation = true): Promise<unknown> {
  return env.page.evaluate(async ({ path, input, mutation }) => {
    const res = mutation
      ? await fetch(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
      : await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
    return ((await res.json()) as { result: { data: unknown } }).result.data;
  }, { path, input, mutation });
}

it('shows one page of 500 journeys, searches and duplicates', { timeout: 180_000 }, async () => {
  const { page, app, demo } = env;
  await app.database.sql`
    insert into journeys (id, workspace_id, name, draft, status)
    select 'jrn_many_' || n, ${demo.workspaceId}, 'Seasonal offer ' || n, '{"nodes":[],"edges":[]}', 'draft'
    from generate_series(1, 500) n`;
  await env.logIn();
  await page.goto(`${app.url}/journeys`);
  const rows = page.locator('tr[data-testid^="journey-row-"]');
  await expect.poll(() => page.getByTestId('journeys-range').textContent()).toBe('1–25 of 502 journeys');
  expect(await rows.count()).toBe(25);
  expect(await page.locator('*').count()).toBeLessThan(1500);
  await screenshot(page, 'journey-list-500');

  await page.getByTestId('journey-search').fill('thank you');
  await expect.poll(() => rows.count()).toBe(1);
  await expect.poll(() => rows.first().textContent()).toContain('Thank you for your order');
  await screenshot(page, 'journey-list-search');

  await rows.first().getByTestId('duplicate-journey').click();
  await page.waitForURL(/\/journeys\/jrn_/);
  await expect.poll(() => page.getByLabel('Journey name').inputValue()).toBe('Copy of Thank you for your order');
  await page.goto(`${app.url}/journeys`);
  await page.getByTestId('journey-search').fill('copy of');
  await expect.poll(() => rows.count()).toBe(1);
  await expect.poll(() => rows.first().textContent()).toContain('draft');

  // Deleting a journey no one entered: the dialog says so, and the list loses one.
  await page.getByTestId('journey-search').fill('Seasonal offer 499');
  await expect.poll(() => rows.first().textContent()).toContain('Seasonal offer 499');
  await rows.first().getByTestId('delete-journey').click();
  await expect.poll(() => page.getByTestId('confirm-journey').textContent())
    .toBe('No customer is in this journey now; no one has ever entered it.Its draft and published versions are deleted for good. This cannot be undone.');
  await screenshot(page, 'journey-list-delete');
  await page.getByTestId('confirm-delete').click();
  await expect.poll(() => page.getByTestId('journeys-none').count()).toBe(1);

  await page.getByRole('button', { name: 'Drafts' }).click();
  await page.getByTestId('journey-search').fill('');
  await expect.poll(() => page.getByTestId('journeys-range').textContent()).toBe('1–25 of 501 journeys');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => page.getByTestId('journeys-range').textContent()).toBe('26–50 of 501 journeys');
});

it('compares two published versions in words and reverts the draft', { timeout: 180_000 }, async () => {
  const { page, app, demo } = env;
  const [journey] = await app.database.sql<{ id: string; draft: { nodes: { id: string; config: Record<string, unknown> }[] } }[]>`
    select id, draft from journeys where workspace_id = ${demo.workspaceId} and name = 'Thank you for your order'`;
  const draft = structuredClone(journey!.draft);
  draft.nodes.find((n) => n.id === 'grant_points')!.config.amount = 25;
  await call('journeys.saveDraft', { id: journey!.id, draft });
  expect(await call('journeys.publish', { id: journey!.id })).toMatchObject({ ok: true, version: 2 });

  await page.goto(`${app.url}/journeys`);
  await page.getByTestId('journey-search').fill('Thank you for');
  const row = page.getByTestId(`journey-row-${journey!.id}`);
  await expect.poll(() => row.textContent()).toContain('v2');
  await row.getByRole('link', { name: 'Thank you for your order', exact: true }).click();
  await page.getByTestId('editor-more').click(); // Version history is in the toolbar's More menu
  await page.getByTestId('version-history').click();
  const diff = page.getByTestId('version-diff');
  await expect.poll(() => diff.textContent()).toMatch(/Changed:.*Grant loyalty points/);
  await expect.poll(() => diff.textContent()).toMatch(/10\s*→\s*25/);
  await expect.poll(() => page.getByTestId('version-list').textContent()).toContain('Version 1');
  await screenshot(page, 'journey-version-diff');

  await page.getByRole('button', { name: 'Revert draft to this version' }).last().click();
  await page.getByTestId('confirm-revert').click();
  await expect.poll(() => page.getByTestId('version-diff').count()).toBe(0);
  const [reverted] = await app.database.sql<{ amount: number }[]>`
    select (n -> 'config' ->> 'amount')::int as amount from journeys j, jsonb_array_elements(j.draft -> 'nodes') n
    where j.id = ${journey!.id} and n ->> 'id' = 'grant_points'`;
  expect(reverted!.amount).toBe(10);
  await page.goto(`${app.url}/journeys`);
  await page.getByTestId('journey-search').fill('Thank you for');
  await expect.poll(() => page.locator('tr[data-testid^="journey-row-"]').count()).toBe(2);
  await expect.poll(() => page.getByTestId('unpublished-changes').count()).toBe(1);
  await screenshot(page, 'journey-list-unpublished');
});
