// Cards and the checklist name what a step uses, in words, in Chromium: the demo's seeded
// journeys (Win back: a segment trigger and a saved template; Thank you: a subject with a merge
// field), then a journey whose template and segment were deleted. No card, checklist line or
// publish notice shows a node id, a template or segment id, or raw Liquid. Screenshots in English
// and Serbian Cyrillic.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { THANK_YOU_JOURNEY_ID } from '../../apps/server/src/seed/journey';
import { WIN_BACK_JOURNEY_ID } from '../../apps/server/src/seed/win-back';
import { pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1400, height: 900 } });

const SEGMENT = 'Bought in the last 90 days';

/** Everything the editor shows of its steps: every card's text and the side panel's. */
async function shownText(page: Page): Promise<string> {
  const cards = await page.locator('.react-flow__node').allTextContents();
  return [...cards, await page.locator('aside').last().textContent()].join('\n');
}

/** No node id, no id of a template or segment, no Liquid anywhere in what is shown. */
async function expectNoIds(page: Page, ids: string[]) {
  const text = await shownText(page);
  for (const id of ids) expect(text, id).not.toContain(id);
  expect(text).not.toMatch(/\{\{|\{%/);
}

/** Adds a step from the palette (unconnected, so the checklist lists it), then selects nothing. */
async function addStep(page: Page, type: string): Promise<string> {
  const before = await page.locator(`[data-node-type="${type}"]`).count();
  await page.getByTestId(`palette-${type}`).click();
  await expect.poll(() => page.locator(`[data-node-type="${type}"]`).count()).toBe(before + 1);
  const id = (await page.locator(`[data-node-type="${type}"]`).last().getAttribute('data-testid'))!.replace(/^node-/, '');
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.getByTestId('journey-checklist').waitFor();
  return id;
}

it('names templates, segments, merge fields and steps in words, in English and Serbian Cyrillic', { timeout: 240_000 }, async () => {
  const { app, page } = env;
  const sql = app.database.sql;
  const workspaceId = app.demo!.workspaceId;
  const [template] = await sql<{ id: string; name: string }[]>`
    select id, name from email_templates where workspace_id = ${workspaceId} and starter = 'win-back'`;
  const [segment] = await sql<{ id: string }[]>`select id from segments where workspace_id = ${workspaceId} and name = ${SEGMENT}`;
  await env.logIn();

  // Win back: the trigger names its segment, the email its saved template.
  await page.goto(`${app.url}/journeys/${WIN_BACK_JOURNEY_ID}`);
  await waitForText(page.getByTestId('node-summary-trigger'), (t) => t === `When the customer leaves “${SEGMENT}”`);
  await waitForText(page.getByTestId('node-summary-win_back_email'), (t) => t === `Template “${template.name}”`);
  // A step added from the palette is unconnected: the checklist names it by label and summary.
  const added = await addStep(page, 'core/send-email');
  const checklist = page.getByTestId('journey-checklist');
  await waitForText(checklist, (t) => t.includes('Send email · “Thank you, «first name»!” · Not connected'));
  expect(await page.getByTestId(`node-summary-${added}`).textContent()).toBe('“Thank you, «first name»!”');
  await expectNoIds(page, ['win_back_email', added, template.id, segment.id]);
  await screenshot(page, 'cards-win-back-en');

  // Publishing is refused for the unconnected step: the notice names it the same way.
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-refused').waitFor();
  const refused = page.getByTestId('publish-issue').filter({ hasText: 'Not connected' });
  expect(await refused.locator('span').first().textContent()).toBe('Send email · “Thank you, «first name»!”');
  expect(await page.getByTestId('publish-refused').textContent()).not.toContain(added);

  // Thank you (published): the subject's merge field reads as words.
  await page.goto(`${app.url}/journeys/${THANK_YOU_JOURNEY_ID}`);
  await waitForText(page.getByTestId('node-summary-thank_you_email'), (t) => t === '“Thank you for your order, «first name»!”');
  await expectNoIds(page, ['thank_you_email', 'grant_points']);

  // A template and a segment deleted since the journey was drawn: said in words, never by id.
  const gone = {
    nodes: [
      { id: 'entered', type: 'core/trigger-segment-entered', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId: 'seg_gone_1' } },
      { id: 'mail', type: 'core/send-email', typeVersion: 1, position: { x: 0, y: 200 }, config: { templateId: 'tpl_gone_1', subject: 'x', preheader: '', body: '<mjml></mjml>', kind: 'marketing' } },
    ],
    edges: [{ id: 'e1', source: 'entered', sourceHandle: 'out', target: 'mail' }],
  };
  await sql`insert into journeys (id, workspace_id, name, draft, status)
    values ('j_cards_gone', ${workspaceId}, 'Deleted things', ${JSON.stringify(gone)}::text::jsonb, 'draft')`;
  await page.goto(`${app.url}/journeys/j_cards_gone`);
  await waitForText(page.getByTestId('node-summary-entered'), (t) => t === 'When the customer enters a deleted segment');
  await waitForText(page.getByTestId('node-summary-mail'), (t) => t === 'A deleted template: choose another');
  // The checklist says so before publishing, naming each step.
  await waitForText(page.getByTestId('journey-checklist'), (t) => t.includes('Enters segment · When the customer enters a deleted segment · '
    + 'The segment no longer exists: choose another') && t.includes('Send email · A deleted template: choose another · The template no longer exists'));
  await expectNoIds(page, ['seg_gone_1', 'tpl_gone_1']);
  await screenshot(page, 'cards-deleted-en');

  // Serbian Cyrillic: the same names, the marketer's own words as written.
  await pickLanguage(page, 'sr-Cyrl');
  await page.goto(`${app.url}/journeys/${WIN_BACK_JOURNEY_ID}`);
  await waitForText(page.getByTestId('node-summary-trigger'), (t) => t === `Када купац изађе из сегмента „${SEGMENT}“`);
  await waitForText(page.getByTestId('node-summary-win_back_email'), (t) => t === `Шаблон „${template.name}“`);
  await waitForText(page.getByTestId(`node-summary-${added}`), (t) => t === '„Thank you, «име»!“');
  await waitForText(checklist, (t) => t.includes('Пошаљи имејл · „Thank you, «име»!“ · Није повезан'));
  await expectNoIds(page, ['win_back_email', added, template.id, segment.id]);
  await page.locator('.react-flow__controls-fitview').click();
  await screenshot(page, 'cards-win-back-sr-Cyrl');
  await page.goto(`${app.url}/journeys/j_cards_gone`);
  await waitForText(page.getByTestId('node-summary-mail'), (t) => t === 'Обрисани шаблон: изаберите други');
  await waitForText(page.getByTestId('node-summary-entered'), (t) => t === 'Када купац уђе у обрисани сегмент');
  await waitForText(page.getByTestId('journey-checklist'), (t) => t.includes('Сегмент више не постоји: изаберите други')
    && t.includes('Шаблон више не постоји: изаберите други'));
  await screenshot(page, 'cards-deleted-sr-Cyrl');
});
