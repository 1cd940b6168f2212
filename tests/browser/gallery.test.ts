// The gallery in Chromium: "New journey" shows the playbook's journeys with a picture of each
// graph and the events each needs; a broken journey file is refused with its problems named by
// step; "Use" creates the draft and opens it in the editor with its steps; Export downloads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 1000 } });

describe('journey gallery', () => {
  it('uses a playbook journey and lands in the editor with its graph', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    await env.logIn();
    await page.goto(`${app.url}/journeys/new`);
    await page.getByTestId('gallery-review-request').waitFor();
    expect(await page.getByTestId('graph-picture').count()).toBe(15);
    // Each event it needs, by its name in the app, with whether the shop has sent one yet.
    const card = page.getByTestId('gallery-review-request');
    expect(await card.textContent()).toMatch(/Order delivered\s*(received|not received yet)/);
    await screenshot(page, 'gallery');

    const broken = { format: 'afterglow.journey', version: 1, name: 'Broken', graph: { edges: [], nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
      { id: 'w', type: 'core/wait', label: 'Give it a week', position: { x: 0, y: 200 }, config: { mode: 'duration', amount: 'seven', unit: 'days', weekday: -1, hour: 10 } },
    ] } };
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByTestId('gallery-import').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Step “Give it a week”, config.amount');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'gallery-import-refused');

    await page.getByTestId('use-review-request').click();
    await page.waitForURL(/\/journeys\/jrn_/);
    await page.getByTestId('node-ask').waitFor();
    expect(await page.getByTestId('node-window').count()).toBe(1);
    await screenshot(page, 'gallery-editor');

    await page.getByTestId('editor-more').click(); // Export is in the toolbar's More menu
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-journey').click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'afterglow.journey', version: 1, name: 'Review request', templates: [{ name: expect.stringMatching(/^Review request/) }] });
  });
});
