// The journey canvas in headless Chromium: frames per second while a card of a 20-step and of a
// 300-step journey is dragged, and how long a 300-step journey takes to open. Needs the web
// build (`pnpm build`) and /usr/bin/chromium (CHROMIUM_PATH overrides).
import { ensureDatabase } from '@afterglow/db';
import { createRegistry } from '@afterglow/nodes';
import { chromium, type Page } from 'playwright-core';
import config from '../../afterglow.config';
import { startAfterglow } from '../../apps/server/src/app';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const registry = createRegistry(config.plugins);
const node = (id: string, type: string, x: number, y: number) =>
  ({ id, type, typeVersion: registry.require(type).version, position: { x, y }, config: structuredClone(registry.require(type).defaults) });

/** A trigger and `size - 1` steps in rows of five, each wired to the one before: a journey that fills the canvas. */
function journeyOf(size: number) {
  const types = ['core/wait', 'core/segment-condition', 'core/exit'];
  const nodes = [node('s0', 'core/trigger-event', 0, 0)];
  const edges = [];
  for (let i = 1; i < size; i++) {
    nodes.push(node(`s${i}`, types[i % types.length], (i % 5) * 320, Math.floor(i / 5) * 220 + 220));
    const from = nodes[i - 1];
    const handle = from.type === 'core/segment-condition' ? 'yes' : 'out';
    if (from.type !== 'core/exit') edges.push({ id: `e${i}`, source: from.id, sourceHandle: handle, target: `s${i}` });
  }
  return { nodes, edges };
}

/** Frames drawn per second while a card is dragged in circles by `moves` mouse moves. */
async function dragFps(page: Page, moves: number): Promise<number> {
  const card = page.locator('.react-flow__node').nth(1);
  const box = (await card.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + 24];
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.framesCounted = 0; window.counting = true;
    const tick = () => { if (window.counting) { window.framesCounted++; requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  })()`);
  const started = performance.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < moves; i++) {
    const a = (i / 30) * 2 * Math.PI;
    await page.mouse.move(x + 80 * Math.sin(a), y + 60 - 60 * Math.cos(a));
  }
  await page.mouse.up();
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate<number>('(() => { window.counting = false; return window.framesCounted; })()');
  return frames / seconds;
}

export async function canvasBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const databaseUrl = await ensureDatabase(adminUrl, 'bench_canvas');
  const app = await startAfterglow({ port: 0, smtpDevPort: 0, seed: true, log: () => {}, databaseUrl });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const demo = app.demo!;
    for (const size of [20, 300]) {
      await app.database.sql`insert into journeys (id, workspace_id, name, draft)
        values (${`j_bench_${size}`}, ${demo.workspaceId}, ${`${size} steps`}, ${JSON.stringify(journeyOf(size))}::text::jsonb)`;
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.getByLabel('Email').fill(demo.email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const moves = quick ? 60 : 180;
    for (const size of [20, 300]) {
      const started = performance.now();
      await page.goto(`${app.url}/journeys/j_bench_${size}`);
      await page.locator('.react-flow__node').nth(1).waitFor();
      const opened = performance.now() - started;
      await page.waitForTimeout(500); // the opening fit and the first autosave check settle
      const fps = await dragFps(page, moves);
      report(`canvas: open a ${size}-step journey (ms)`, opened.toFixed(0));
      report(`canvas: fps dragging a card, ${size} steps`, fps.toFixed(1));
      if (size === 300) target('canvas-drag-300', fps, 55, ' fps', true);
      if (size === 300) target('canvas-open-300', opened, 1000, ' ms', false);
    }
  } finally {
    await browser.close();
    await app.close();
  }
}
