// The journey editor in Serbian Cyrillic and Russian, in Chromium: the demo's draft "Win back"
// with a step added but not connected, so the checklist, the card and the config panel all show a
// graph problem, worded by its code from the editor's catalogue. Screenshots of the canvas with
// the config panel open and with the checklist, in each language; no label of the editor's chrome
// may be cut or spill over (Cyrillic runs longer). Then the published demo journey's live stats and
// the approvals page in Russian.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { THANK_YOU_JOURNEY_ID } from '../../apps/server/src/seed/journey';
import { WIN_BACK_JOURNEY_ID } from '../../apps/server/src/seed/win-back';
import { overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1400, height: 900 } });

/** The editor's labels that must fit their box: toolbar, palette, cards, side panel. */
const LABELS = [
  '[data-testid="publish"]', '[data-testid="toggle-live-stats"]', '[data-testid="save-status"]',
  '[data-testid^="palette-group-"] h3', '.react-flow__node .truncate', '[data-testid^="branch-"]',
  '[data-testid="config-panel"] h2', '[data-testid="config-panel"] button', '[data-testid="journey-checklist"] h2',
].join(', ');

const WORDS = {
  'sr-Cyrl': {
    checklist: 'Провера тока', unreachable: 'Није повезан: ниједан купац не може да стигне до овог корака',
    count: 'Пре објаве решите 1 проблем', delete: 'Обриши корак', triggers: 'Окидачи', actions: 'Акције', category: 'Окидач',
    publish: 'Објави', problems: '1 проблем', saved: /^Сачувано (сада|пре \d+ минут)/,
  },
  ru: {
    checklist: 'Проверка сценария', unreachable: 'Шаг не подключён: ни один покупатель до него не дойдёт',
    count: 'Перед публикацией исправьте 1 проблему', delete: 'Удалить шаг', triggers: 'Триггеры', actions: 'Действия', category: 'Триггер',
    publish: 'Опубликовать', problems: '1 проблема', saved: /^Сохранено (сейчас|\d+ минут\S* назад)/,
  },
} as const;

/** The whole journey in view and the palette from its top, for a picture of everything. */
async function showWhole(page: Page) {
  await page.locator('.react-flow__controls-fitview').click();
  await page.getByTestId('palette').evaluate((palette) => palette.scrollTo(0, 0));
}

it('shows the journey editor and its checklist in Serbian Cyrillic and Russian', { timeout: 180_000 }, async () => {
  const { app, page } = env;
  await env.logIn();
  await pickLanguage(page, 'sr-Cyrl');
  await page.goto(`${app.url}/journeys/${WIN_BACK_JOURNEY_ID}`);
  await page.getByTestId('journey-checklist').waitFor();

  // A step added from the palette lands unconnected and selected: its config panel opens.
  await page.getByTestId('palette-core/grant-points').click();
  const added = page.locator('[data-node-type="core/grant-points"]');
  await added.waitFor();
  const id = (await added.getAttribute('data-testid'))!.replace(/^node-/, '');

  for (const locale of ['sr-Cyrl', 'ru'] as const) {
    const words = WORDS[locale];
    if (locale !== 'sr-Cyrl') await pickLanguage(page, locale);
    if (await page.getByTestId('config-panel').count() === 0) await added.locator('.text-sm.font-semibold').first().click();
    const panel = page.getByTestId('config-panel');
    await waitForText(panel, (t) => t.includes(words.unreachable) && t.includes(words.delete));
    expect(await page.getByTestId(`node-issue-${id}`).textContent()).toBe(words.unreachable);
    expect(await page.getByTestId(`node-badge-${id}`).getAttribute('aria-label')).toBe(words.problems);
    expect(await page.getByTestId('palette-group-trigger').locator('h3').textContent()).toBe(words.triggers);
    expect(await page.getByTestId('palette-group-action').locator('h3').textContent()).toBe(words.actions);
    expect(await page.getByTestId('node-trigger').textContent()).toContain(words.category);
    expect(await page.getByTestId('publish').textContent()).toBe(words.publish);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('title')).toMatch(words.saved);
    await showWhole(page);
    await screenshot(page, `editor-config-${locale}`);
    expect(await overflowing(page, LABELS)).toEqual([]);

    // Nothing selected: the checklist lists the problem, with the step's name, and counts them.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    const checklist = page.getByTestId('journey-checklist');
    await waitForText(checklist, (t) => t.includes(words.checklist) && t.includes(words.unreachable));
    expect(await page.getByTestId('checklist-count').textContent()).toBe(words.count);
    await showWhole(page);
    await screenshot(page, `editor-checklist-${locale}`);
    expect(await overflowing(page, LABELS)).toEqual([]);
  }

  // The published demo journey in live stats: the cards' counters, worded and counted in Russian.
  await page.goto(`${app.url}/journeys/${THANK_YOU_JOURNEY_ID}`);
  await page.getByTestId('toggle-live-stats').click();
  await waitForText(page.getByTestId('live-banner'), (t) => /^Статистика в реальном времени · вошли: [\d\s]+ · в процессе: /.test(t));
  expect(await page.locator('[data-testid^="node-stats-"]').first().textContent()).toContain('вошли');
  await screenshot(page, 'editor-live-ru');
  expect(await overflowing(page, `${LABELS}, [data-testid^="node-stats-"] span, [data-testid="live-banner"]`)).toEqual([]);

  await page.goto(`${app.url}/approvals`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Согласования');
  await expect.poll(() => page.getByText('Маркетологи согласуют публикацию').count()).toBe(1);
  await screenshot(page, 'approvals-ru');
});
