// The generated form's widgets in a real browser on a Belgrade clock: the broadcast's start as
// a date-time (stored with the offset of that day, a time skipped by the spring DST change
// moved forward), the webhook's JSON body in the lazily loaded code editor with highlighting and
// the schema's message inline, its headers with secret values, the wait's amount and unit, all
// autosaved into the draft. Plugin widgets are proven by the form's component test
// (apps/web/src/forms/SchemaForm.test.ts): the web app's node types are fixed at build time.
// Then the same form in Russian: labels, options, help, the cards' lines and the validation
// messages under the fields, pictured for a look at Cyrillic's longer words.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1400, height: 1300 } });

interface DraftNode { id: string; type: string; config: Record<string, unknown> }

describe('form widgets in the browser', () => {
  it('edits a date-time, JSON, headers and a wait, and saves them in the draft', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const ws = app.demo!.workspaceId;
    const graph = { nodes: [{ id: 'start', type: 'core/trigger-broadcast', position: { x: 0, y: 0 }, config: { segmentId: '', startAt: '' } }], edges: [] };
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values ('j_widgets', ${ws}, 'Widgets', ${app.database.sql.json(graph)})`;
    const draftNodes = async () => {
      const [row] = await app.database.sql<{ draft: { nodes: DraftNode[] } }[]>`select draft from journeys where id = 'j_widgets'`;
      return row.draft.nodes;
    };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Belgrade' });

    await env.logIn();
    await page.goto(`${app.url}/journeys/j_widgets`);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('node-start').getByText('Broadcast to segment').click();
    await page.getByLabel('Segment', { exact: true }).selectOption({ index: 1 }); // the demo's first segment
    const startAt = page.getByLabel('Start at', { exact: true });
    expect(await startAt.getAttribute('type')).toBe('datetime-local');
    await waitForText(page.getByTestId('cfg-start-startAt-zone'), (t) => t.startsWith('Europe/Belgrade time (UTC+0'));
    await startAt.fill('2026-10-25T09:00');
    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');
    await expect.poll(async () => (await draftNodes())[0].config.startAt).toBe('2026-10-25T09:00:00+01:00');
    await startAt.fill('2026-03-29T02:30'); // not on a Belgrade clock: clocks go from 02:00 to 03:00
    await expect.poll(() => startAt.inputValue()).toBe('2026-03-29T03:30');
    await waitForText(page.getByTestId('node-summary-start'), (t) => /^Everyone in “[^”]+”, from Sun, 29 Mar 2026 01:30$/.test(t));
    await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'widgets-datetime.png') });

    await page.getByTestId('palette-core/call-webhook').click();
    // CodeMirror arrives in its own chunk; a text area edits the body until then.
    await page.locator('[data-testid$="-body-code"]').waitFor();
    const body = page.getByLabel('Body (JSON)');
    expect(await body.getAttribute('contenteditable')).toBe('true');
    expect(await page.locator('[data-testid$="-body-code"] .cm-line span').count()).toBeGreaterThan(0); // highlighted
    await body.fill('{\n  "email": "{{ customer.email }}",\n}');
    const errorOf = page.locator('[data-testid="field-error-body"]');
    await waitForText(errorOf, (t) => t === 'The body is not valid JSON (line 3): Expected double-quoted property name');
    expect(await page.locator('[data-testid^="json-problem-"]').count()).toBe(0); // the schema's message, once
    await body.fill('{\n  "email": "{{ customer.email }}",\n  "event": {{ event }}\n}');
    await expect.poll(() => errorOf.count()).toBe(0);
    await page.getByRole('button', { name: 'Add to Headers' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Authorization');
    const value = page.getByLabel('Value', { exact: true });
    expect(await value.getAttribute('type')).toBe('password');
    await value.fill('Bearer 12345');
    await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'widgets-webhook.png') });

    await page.getByTestId('palette-core/wait').click();
    await page.getByLabel('For', { exact: true }).fill('5');
    await page.getByLabel('Unit').selectOption({ label: 'hours' });
    await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'widgets-wait.png') });

    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');
    await expect.poll(async () => (await draftNodes()).map((n) => n.type)).toEqual(['core/trigger-broadcast', 'core/call-webhook', 'core/wait']);
    const [start, webhook, wait] = await draftNodes();
    expect(start.config.startAt).toBe('2026-03-29T03:30:00+02:00');
    expect(webhook.config.body).toBe('{\n  "email": "{{ customer.email }}",\n  "event": {{ event }}\n}');
    expect((webhook.config.headers as { name: string }[]).map((h) => h.name)).toEqual(['Authorization']);
    expect(wait.config).toMatchObject({ mode: 'duration', amount: 5, unit: 'hours' });
  });

  it('speaks the user\'s language: a config form in Russian', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    const ws = app.demo!.workspaceId;
    const node = (id: string, type: string, x: number, config: Record<string, string | number | string[]>) => ({ id, type, position: { x, y: 0 }, config });
    const graph = {
      nodes: [
        node('wait', 'core/wait', 0, { mode: 'duration', amount: 5, unit: 'days', weekday: -1, hour: 10 }),
        node('coupon', 'core/issue-coupon', 300, { kind: 'percent', value: 15, prefix: 'VIP', validDays: 21, minOrderTotal: 3000, description: '' }),
        node('crm', 'core/call-webhook', 600, { url: 'ftp://crm.example.com', method: 'POST', body: '{}', headers: [], secret: 'short' }),
      ],
      edges: [],
    };
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values ('j_ru', ${ws}, 'По-русски', ${app.database.sql.json(graph)})`;
    await page.getByTestId('user-name').click();
    await page.getByTestId('language-picker').selectOption('ru');
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}/journeys/j_ru`);
    await page.getByTestId('canvas').waitFor();

    await waitForText(page.getByTestId('node-summary-wait'), (t) => t === 'Ждать 5 дней');
    await waitForText(page.getByTestId('node-summary-coupon'), (t) => t === 'Скидка 15\u00a0% на следующий заказ от 3\u00a0000 · действует 21 день');
    await page.getByTestId('node-crm').getByText('Вызвать вебхук').click();
    await waitForText(page.locator('[data-testid="field-error-url"]'), (t) => t === 'Адрес должен начинаться с https://');
    await waitForText(page.locator('[data-testid="field-error-secret"]'), (t) => t === 'Не меньше 16 символов (или пусто: без подписи)');
    expect(await page.getByLabel('Метод', { exact: true }).inputValue()).toBe('0');
    await page.getByRole('button', { name: 'Добавить в: Заголовки' }).click();
    await page.getByLabel('Название', { exact: true }).fill('Authorization');
    await screenshot(page, 'widgets-config-ru');
    await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'widgets-config-ru-panel.png') });

    await page.getByTestId('node-wait').getByText('Ожидание', { exact: true }).first().click();
    expect(await page.getByLabel('Единица', { exact: true }).locator('option').allTextContents()).toEqual(['минут', 'часов', 'дней', 'недель']);
    await page.getByLabel('Сколько', { exact: true }).fill('0');
    await waitForText(page.locator('[data-testid="field-error-amount"]'), (t) => t === 'Не меньше 1');
  });
});

