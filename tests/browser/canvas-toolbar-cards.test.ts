// The editor at laptop widths and in the marketer's language: the toolbar keeps the journey's name
// readable at 1280 and 1440 px in Russian and Serbian (secondary actions in "More"); deleting a step
// where customers of the published version wait asks first and says how many; Shift + click selects
// the steps between two; every node type's card speaks Russian, and a Send email card shows its
// merge-field problems as a badge. Pictures in test-artifacts/canvas-*.png.
import { createRegistry } from '@afterglow/nodes';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import config from '../../afterglow.config';
import { pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });
const registry = createRegistry(config.plugins);

/** Configs for the types whose defaults need a choice (an event, a segment, a value) to read as set up. */
const CONFIGS: Record<string, Record<string, unknown>> = {
  'core/trigger-event': { event: 'Order Completed', filters: [], entryKeyProperty: '' },
  'core/trigger-broadcast': { segmentId: 'seg_demo_vip', startAt: '' },
  'core/trigger-segment-entered': { segmentId: 'seg_demo_vip' },
  'core/trigger-segment-left': { segmentId: 'seg_demo_recent_buyers' },
  'core/trigger-schedule': { ...registry.require('core/trigger-schedule').defaults as object, segmentId: 'seg_demo_vip' },
  'core/segment-condition': { segmentId: 'seg_demo_recent_buyers' },
  'core/has-bought': { what: 'category', value: 'Shoes', withinDays: 30 },
  'core/multi-split': { rules: [{ id: 'vip', name: 'VIP', ...registry.require('core/property-condition').defaults as object }] },
  'core/update-profile': { action: 'add-tag', attribute: '', value: '', tag: 'vip' },
};
const step = (id: string, type: string, x: number, y: number, own?: Record<string, unknown>) => ({
  id, type, typeVersion: registry.require(type).version, position: { x, y },
  config: structuredClone(own ?? CONFIGS[type] ?? registry.require(type).defaults),
});
const wire = (source: string, target: string) => ({ id: `${source}:out->${target}`, source, sourceHandle: 'out', target });

const LONG_NAME = 'Благодарность за первый заказ и просьба об отзыве';
const waiting = {
  nodes: [step('start', 'core/trigger-event', 0, 0, { event: 'Prompt Test', filters: [], entryKeyProperty: '' }),
    step('pause', 'core/wait', 0, 220), step('bye', 'core/exit', 0, 440)],
  edges: [wire('start', 'pause'), wire('pause', 'bye')],
};

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
const title = (page: Page, id: string) => page.getByTestId(`node-${id}`).locator('.text-sm.font-semibold').first();
const selectedCount = (page: Page) => page.locator('.react-flow__node.selected').count();

describe('canvas toolbar and cards', () => {
  it('keeps the name readable, asks before deleting where customers wait, and selects a range', { timeout: 300_000 }, async () => {
    const { app, page } = env;
    const ws = env.demo.workspaceId;
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values
      ('j_prompt', ${ws}, ${LONG_NAME}, ${JSON.stringify(waiting)}::text::jsonb)`;
    await env.logIn();
    await page.goto(`${app.url}/journeys/j_prompt`);
    await poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.getByTestId('publish').click();
    await poll(() => page.getByTestId('toggle-live-stats').count()).toBe(1);
    // Three customers enter and wait three days in "pause".
    for (const [i, customer] of ['cust_0001', 'cust_0002', 'cust_0003'].entries()) {
      expect((await env.track({ userId: customer, event: 'Prompt Test', messageId: `prompt-${i}` })).status).toBe(200);
    }
    await poll(async () => (await app.database.sql`select count(*)::int as n from journey_runs
      where journey_id = 'j_prompt' and status = 'waiting'`)[0].n).toBe(3);

    // The toolbar at laptop widths, in Russian and Serbian: the name keeps its room, nothing spills.
    for (const locale of ['ru', 'sr-Cyrl'] as const) {
      await pickLanguage(page, locale);
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${app.url}/journeys/j_prompt`);
        await poll(() => page.locator('.react-flow__node').count()).toBe(3);
        const name = page.getByLabel(locale === 'ru' ? 'Название сценария' : 'Назив тока');
        await poll(async () => (await name.boundingBox())?.width ?? 0).toBeGreaterThan(280);
        expect(await page.getByTestId('editor-toolbar').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await screenshot(page, `canvas-toolbar-${locale}-${width}`);
      }
    }
    await page.getByTestId('editor-more').click();
    expect(await page.getByTestId('editor-more-menu').locator('[role="menuitem"]').count()).toBe(5);
    await screenshot(page, 'canvas-toolbar-more-sr-Cyrl');
    await page.keyboard.press('Escape');

    // Deleting the wait where three customers are: asked, in Russian, with the count; "keep" keeps it.
    await pickLanguage(page, 'ru');
    await title(page, 'pause').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('waiting-moves');
    const asked = await waitForText(dialog, (t) => t.includes('ждут 3 покупателя'));
    expect(asked).toContain('Пусть закончат по своей версии');
    await screenshot(page, 'canvas-delete-waiting-ru');
    await page.getByTestId('waiting-cancel').click();
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    // From the step's panel too, then confirmed (they finish on their version): the step goes, and one undo brings it back with its wires.
    await page.getByTestId('config-panel').getByRole('button', { name: 'Удалить шаг' }).click();
    await page.getByTestId('waiting-confirm').click();
    await poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // The exit, where no one waits, goes at once.
    await title(page, 'bye').click();
    await page.keyboard.press('Delete');
    await poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.getByTestId('waiting-moves').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await poll(() => page.locator('.react-flow__node').count()).toBe(3);

    // Shift + click: the steps between the last clicked step and this one join the selection.
    await title(page, 'start').click();
    await poll(() => selectedCount(page)).toBe(1);
    await title(page, 'bye').click({ modifiers: ['Shift'] });
    await poll(() => selectedCount(page)).toBe(3);
    await screenshot(page, 'canvas-shift-range');
    // A plain click after clearing starts again from one step.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await title(page, 'pause').click();
    await poll(() => selectedCount(page)).toBe(1);
  });

  it('shows every node type\'s card in Russian, and merge-field problems on the email card', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    const types = registry.all().map((d) => d.id);
    const nodes = types.map((type, i) => step(`n${i}`, type, (i % 6) * 300, Math.floor(i / 6) * 240));
    const email = step('bad_subject', 'core/send-email', 6 * 300, 0);
    email.config = { ...email.config, subject: 'Привет, {{ customer.fristName }}!' };
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values
      ('j_every', ${env.demo.workspaceId}, 'Все шаги', ${JSON.stringify({ nodes: [...nodes, email], edges: [] })}::text::jsonb)`;
    await page.setViewportSize({ width: 2200, height: 1300 });
    await page.goto(`${app.url}/journeys/j_every`);
    await poll(() => page.locator('.react-flow__node').count()).toBe(types.length + 1);
    const badge = page.getByTestId('node-email-problems-bad_subject');
    await badge.waitFor({ timeout: 60_000 });
    expect(await badge.getAttribute('aria-label')).toMatch(/^\d+ проблем\S* в письме/);
    // No card shows a node id, raw Liquid or the English "Needs configuration".
    const text = (await page.locator('.react-flow__node').allTextContents()).join('\n');
    expect(text).not.toMatch(/\{\{|\{%|Needs configuration/);
    for (const id of ['n1', 'n2', 'bad_subject']) expect(text).not.toContain(id);
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    await screenshot(page, 'canvas-cards-ru');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
