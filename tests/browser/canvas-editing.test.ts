// Editing the canvas with mouse and keyboard: multi-select, copy and paste (also into another
// journey), duplicate from the right-click menu, delete and undo bringing wires back, box select,
// Tidy up leaving no card on another, and the shortcuts dialog.
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import config from '../../afterglow.config';
import { mouseDrag, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser({ clock: new ManualClock(new Date()), viewport: { width: 1440, height: 900 } });
const registry = createRegistry(config.plugins);

const step = (id: string, type: string, x: number, y: number) =>
  ({ id, type, typeVersion: registry.require(type).version, position: { x, y }, config: structuredClone(registry.require(type).defaults) });
const wire = (source: string, sourceHandle: string, target: string) => ({ id: `${source}:${sourceHandle}->${target}`, source, sourceHandle, target });

// Cards drawn on top of each other, as a quick sketch leaves them.
const messy = {
  nodes: [
    step('start', 'core/trigger-event', 0, 0), step('pause', 'core/wait', 30, 60), step('vip', 'core/segment-condition', 60, 120),
    step('later', 'core/wait', 0, 160), step('bye', 'core/exit', 120, 200),
  ],
  edges: [wire('start', 'out', 'pause'), wire('pause', 'out', 'vip'), wire('vip', 'yes', 'later'), wire('vip', 'no', 'bye'), wire('later', 'out', 'bye')],
};

// Generous: the layout library loads on first use, and the machine is shared.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
const cards = () => env.page.locator('.react-flow__node');
const wires = () => env.page.locator('.react-flow__edge');
const title = (id: string) => env.page.getByTestId(`node-${id}`).locator('.text-sm.font-semibold').first();

async function boxes() {
  return env.page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}
const overlapping = (list: Awaited<ReturnType<typeof boxes>>) => list.flatMap((a, i) => list.slice(i + 1)
  .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).map((b) => `${a.id}/${b.id}`));

describe('canvas editing', () => {
  it('tidies, selects, copies, pastes, duplicates, deletes and undoes', { timeout: 240_000 }, async () => {
    const { app, page } = env;
    const ws = app.demo!.workspaceId;
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values
      ('j_messy', ${ws}, 'Messy sketch', ${JSON.stringify(messy)}::text::jsonb),
      ('j_other', ${ws}, 'Another journey', ${JSON.stringify({ nodes: [step('t2', 'core/trigger-event', 0, 0)], edges: [] })}::text::jsonb)`;
    await env.logIn();
    await page.goto(`${app.url}/journeys/j_messy`);
    await poll(() => cards().count()).toBe(5);
    expect(overlapping(await boxes()).length).toBeGreaterThan(0);
    await screenshot(page, 'canvas-messy');

    // Tidy up: no card on another, top to bottom in the wires' order, and one undo brings the sketch back.
    await page.getByTestId('editor-more').click(); // Tidy up is in the toolbar's More menu
    await page.getByTestId('tidy').click();
    await poll(async () => overlapping(await boxes())).toEqual([]);
    const tidy = Object.fromEntries((await boxes()).map((b) => [b.id, b]));
    expect(tidy.start.y).toBeLessThan(tidy.pause.y);
    expect(tidy.pause.y).toBeLessThan(tidy.vip.y);
    expect(tidy.vip.y).toBeLessThan(tidy.bye.y);
    await screenshot(page, 'canvas-tidy');
    await page.keyboard.press('Control+z');
    await poll(async () => overlapping(await boxes()).length).toBeGreaterThan(0);
    await page.keyboard.press('Control+Shift+z');
    await poll(async () => overlapping(await boxes())).toEqual([]);

    // Deleting a step with its wires is one edit; one undo brings the step and all three wires back.
    await title('vip').click();
    await page.keyboard.press('Delete');
    await poll(() => cards().count()).toBe(4);
    expect(await wires().count()).toBe(2);
    await page.keyboard.press('Control+z');
    await poll(() => cards().count()).toBe(5);
    expect(await wires().count()).toBe(5);

    // Ctrl-click adds a second step to the selection; copy, then paste them beside the originals with the wire between them.
    await title('pause').click();
    await title('vip').click({ modifiers: ['Control'] });
    await poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await poll(() => cards().count()).toBe(7);
    expect(await wires().count()).toBe(6);
    expect(overlapping(await boxes())).toEqual([]);
    await page.keyboard.press('Control+z');
    await poll(() => cards().count()).toBe(5);

    // The right-click menu duplicates the step under the pointer.
    await title('bye').click({ button: 'right' });
    await page.getByTestId('canvas-menu').waitFor();
    await screenshot(page, 'canvas-menu');
    await page.getByTestId('menu-duplicate').click();
    await poll(() => cards().count()).toBe(6);
    expect(overlapping(await boxes())).toEqual([]);

    // Box select (Shift + drag over the canvas) takes the steps in it; Delete removes them all, one undo restores them.
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await page.keyboard.down('Shift');
    await mouseDrag(page, { x: canvas.x + 5, y: canvas.y + 5 }, { x: canvas.x + canvas.width - 140, y: canvas.y + canvas.height - 110 });
    await page.keyboard.up('Shift');
    // (the duplicate may sit outside the view, so the box takes every step in view).
    await poll(() => page.locator('.react-flow__node.selected').count()).toBeGreaterThanOrEqual(5);
    const boxed = await page.locator('.react-flow__node.selected').count();
    await page.keyboard.press('Backspace');
    await poll(() => cards().count()).toBe(6 - boxed);
    await page.keyboard.press('Control+z');
    await poll(() => cards().count()).toBe(6);
    expect(await wires().count()).toBe(5);
    await poll(() => page.getByTestId('save-status').textContent()).toBe('Saved ✓');

    // What was copied pastes into another journey, wire included.
    await page.goto(`${app.url}/journeys/j_other`);
    await poll(() => cards().count()).toBe(1);
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+v');
    await poll(() => cards().count()).toBe(3);
    expect(await wires().count()).toBe(1);
    expect(overlapping(await boxes())).toEqual([]);
    await poll(async () => {
      const [row] = await app.database.sql<{ draft: { nodes: unknown[]; edges: unknown[] } }[]>`select draft from journeys where id = 'j_other'`;
      return [row.draft.nodes.length, row.draft.edges.length];
    }).toEqual([3, 1]);

    // `?` lists the shortcuts.
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-dialog').waitFor();
    await screenshot(page, 'canvas-shortcuts');
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('shortcuts-dialog').count()).toBe(0);
  });
});
