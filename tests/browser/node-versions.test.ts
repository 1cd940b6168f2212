// A plugin upgraded to version 2 of its node type, in a real browser: the draft written on
// version 1 opens with a notice naming each updated step and its note, and the step whose update
// failed; the update autosaves as an edit, Undo puts the stored steps back, and the notice goes
// when dismissed. The web app is built with the same plugins as the server (build-web.ts).
import type { JourneyGraph } from '@afterglow/journey-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from './build-web';
import { screenshot, useAppInBrowser, waitForText } from './browser';
import greetConfig from './greet-config';

const webDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-web-greet-'));
// Registered first, so the bundle exists before the app starts serving it.
beforeAll(() => buildWebApp(path.join(import.meta.dirname, 'greet-config.ts'), webDir), 300_000);
afterAll(() => rmSync(webDir, { recursive: true, force: true }));
const env = useAppInBrowser({ appOptions: { plugins: greetConfig.plugins, webDistDir: webDir } });

const longWelcome = `Welcome to the shop! ${'We are glad you are here. '.repeat(7)}`.trim();
const at = (x: number, y: number) => ({ x, y });
/** Stored before the upgrade: both greetings on version 1. */
const draftOnV1: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', typeVersion: 1, position: at(0, 0), config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
    { id: 'vip', type: 'core/segment-condition', typeVersion: 1, position: at(0, 200), config: { segmentId: 'seg_demo_vip' } },
    { id: 'greet_vip', type: 'test/greet', typeVersion: 1, position: at(-180, 420), config: { text: 'Welcome back!' } },
    { id: 'greet_new', type: 'test/greet', typeVersion: 1, position: at(180, 420), config: { text: longWelcome } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'vip' },
    { id: 'e2', source: 'vip', sourceHandle: 'yes', target: 'greet_vip' },
    { id: 'e3', source: 'vip', sourceHandle: 'no', target: 'greet_new' },
  ],
};

describe('node type versions in the editor', () => {
  it('shows what the upgrade changed, saves it as an undoable edit, and can be dismissed', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const sql = app.database.sql;
    await sql`insert into journeys (id, workspace_id, name, draft, status)
      values ('j_greet', ${app.demo!.workspaceId}, 'Welcome', ${JSON.stringify(draftOnV1)}::text::jsonb, 'draft')`;
    const storedStep = async (id: string) => {
      const [row] = await sql<{ step: { typeVersion: number; config: Record<string, unknown> } }[]>`
        select n as step from journeys, jsonb_array_elements(draft->'nodes') n where id = 'j_greet' and n->>'id' = ${id}`;
      return row.step;
    };

    await env.logIn();
    await page.goto(`${app.url}/journeys/j_greet`);
    const notice = page.getByTestId('migration-notice');
    const text = await waitForText(notice, (t) => t.includes('1 step was updated') && t.includes('1 step could not be updated'));
    expect(text).toContain('Text is now called Greeting (at most 160 characters); the new Shout option is off');
    expect(text).toContain('The updated settings are not valid: greeting: Keep the greeting to 160 characters');
    expect(await notice.getByTestId('migration-step').allTextContents()).toEqual([
      // Each step by its label and summary, never its id.
      expect.stringMatching(/^Greet · Welcome back! · version 1 → 2/),
      expect.stringMatching(/^Greet · .+… · version 1, 2 installed/),
    ]);
    await page.getByTestId('node-greet_vip').waitFor();
    await screenshot(page, 'journey-migration-notice');
    // The updated step's form is version 2's.
    await notice.getByRole('button', { name: /^Greet · Welcome back!/ }).click();
    await page.getByLabel('Greeting').waitFor();
    expect(await page.getByLabel('Greeting').inputValue()).toBe('Welcome back!');
    await screenshot(page, 'journey-migrated-step');

    // The update is an edit: autosaved, the failed step left as it was.
    await expect.poll(() => storedStep('greet_vip'), { timeout: 15_000 }).toMatchObject({ typeVersion: 2, config: { greeting: 'Welcome back!', shout: false } });
    expect(await storedStep('greet_new')).toMatchObject({ typeVersion: 1, config: { text: longWelcome } });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => storedStep('greet_vip'), { timeout: 15_000 }).toMatchObject({ typeVersion: 1, config: { text: 'Welcome back!' } });
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => storedStep('greet_vip'), { timeout: 15_000 }).toMatchObject({ typeVersion: 2 });

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
