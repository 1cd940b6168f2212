// The SMS plugin (examples/afterglow-node-sms, enabled in afterglow.config.ts) in the built web
// app, as a marketer meets it: Send SMS in the palette, its form generated from its schema with
// the plugin's own message editor counting SMS as one types, the card's summary following the
// Alphabet choice; and as an admin: the gateway's settings form and the hook URLs for Twilio.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1400, height: 1300 } });

interface DraftNode { id: string; type: string; typeVersion?: number; config: Record<string, unknown> }

describe('the SMS plugin in the web app', () => {
  it('adds Send SMS from the palette and counts the message\'s SMS in its own editor', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const ws = app.demo!.workspaceId;
    const graph = { nodes: [{ id: 'start', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } }], edges: [] };
    await app.database.sql`insert into journeys (id, workspace_id, name, draft) values ('j_sms', ${ws}, 'SMS', ${app.database.sql.json(graph)})`;
    const draftNodes = async () => {
      const [row] = await app.database.sql<{ draft: { nodes: DraftNode[] } }[]>`select draft from journeys where id = 'j_sms'`;
      return row.draft.nodes;
    };

    await env.logIn();
    await page.goto(`${app.url}/journeys/j_sms`);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('palette-sms/send').click();
    const message = page.getByLabel('Message', { exact: true });
    expect(await message.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await message.fill('Драга {{ customer.firstName }}, само данас 20% попуста на целу летњу колекцију уз код ЛЕТО20!');
    const count = page.getByTestId('sms-count');
    await waitForText(count, (t) => t === '93/134 · 2 SMS · UCS-2');
    const summary = page.locator('[data-testid^="node-summary-send"]');
    await waitForText(summary, (t) => t.endsWith('· 2 segments, UCS-2'));

    await page.getByLabel('Alphabet', { exact: true }).selectOption({ label: 'Latin without diacritics (GSM-7: 160 characters per SMS)' });
    await waitForText(count, (t) => t === '98/160 · 1 SMS · GSM-7'); // { and } of the merge field count twice in GSM-7
    await waitForText(page.getByTestId('sms-sent-as'), (t) => t.startsWith('→ Draga {{ customer.firstName }}, samo danas 20% popusta'));
    await waitForText(summary, (t) => t.endsWith('· 1 segment, GSM-7'));
    await page.getByTestId('config-panel').screenshot({ path: path.join(ARTIFACTS, 'sms-editor.png') });

    await waitForText(page.getByTestId('save-status'), (t) => t === 'Saved ✓');
    const sms = (await draftNodes()).find((n) => n.type === 'sms/send')!;
    expect(sms).toMatchObject({ typeVersion: 2, config: { kind: 'marketing', alphabet: 'latin', whenCapped: 'skip', countryCode: '' } });
    expect(sms.config.message).toMatch(/^Драга \{\{ customer\.firstName \}\}/);
  });

  it('offers the gateway\'s settings and the hook URLs to paste into Twilio', { timeout: 60_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/settings`);
    const twilio = page.getByTestId('integration-sms/twilio');
    await twilio.scrollIntoViewIfNeeded();
    expect(await twilio.getByLabel('API base URL').inputValue()).toBe('https://api.twilio.com');
    await twilio.getByLabel('Account SID').waitFor();
    expect(await twilio.getByLabel('Auth Token').getAttribute('type')).toBe('password');
    const hooks = page.getByTestId('hook-urls-sms');
    expect(await hooks.getByTestId('hook-sms-status').textContent()).toBe(`${app.url}/hooks/sms/${app.demo!.workspaceId}/status`);
    expect(await hooks.getByTestId('hook-sms-inbound').textContent()).toBe(`${app.url}/hooks/sms/${app.demo!.workspaceId}/inbound`);
    await page.getByTestId('integrations').screenshot({ path: path.join(ARTIFACTS, 'sms-integration.png') });
  });
});
