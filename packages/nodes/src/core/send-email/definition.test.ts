import { createTestContext } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { sendEmail } from './definition';

describe('core/send-email', () => {
  it('asks the email service to send, then moves on', async () => {
    const { ctx, effects } = createTestContext();
    const config = sendEmail.config.parse(sendEmail.defaults);
    expect(await sendEmail.execute!(ctx, config)).toEqual({ kind: 'next', branch: 'out' });
    expect(effects.emails).toEqual([{ subject: config.subject, body: config.body, preheader: '', kind: 'marketing', whenCapped: 'skip' }]);
  });

  it('refuses a subject that spans lines (header injection)', () => {
    const parsed = sendEmail.config.safeParse({ ...sendEmail.defaults, subject: 'Hi\r\nBcc: x@evil.test' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['subject']);
  });

  it('sends a saved template by id, and checks that template at publish', async () => {
    const { ctx, effects } = createTestContext();
    const config = sendEmail.config.parse({ ...sendEmail.defaults, templateId: 'tpl_review', kind: 'transactional' });
    await sendEmail.execute!(ctx, config);
    expect(effects.emails[0]).toMatchObject({ templateId: 'tpl_review', kind: 'transactional' });
    expect(sendEmail.ui.summary(config)).toBe('Sends a saved template');
    const checked: string[] = [];
    const checkCtx = {
      segmentExists: async () => true,
      checkEmailTemplate: async () => [{ field: 'body', message: 'inline body must not be checked' }],
      checkSavedTemplate: async (id: string) => { checked.push(id); return id === 'tpl_review' ? [] : [{ field: 'templateId', message: `Template ${id} does not exist` }]; },
    };
    expect(await sendEmail.check!(config, checkCtx)).toEqual([]);
    expect(await sendEmail.check!({ ...config, templateId: 'tpl_gone' }, checkCtx)).toEqual([{ field: 'templateId', message: 'Template tpl_gone does not exist' }]);
    expect(checked).toEqual(['tpl_review', 'tpl_gone']);
  });

  it('checks the inline body when no template is chosen', async () => {
    const config = sendEmail.config.parse(sendEmail.defaults);
    const issues = await sendEmail.check!(config, {
      segmentExists: async () => true,
      checkEmailTemplate: async (r) => [{ field: 'body', message: `checked ${r.subject}` }],
    });
    expect(issues).toEqual([{ field: 'body', message: `checked ${config.subject}` }]);
  });
});

it('holds the step when the email service says quiet hours or a held cap', async () => {
  const until = new Date('2026-01-06T08:00:00Z');
  const { ctx } = createTestContext({ emailOutcome: () => ({ status: 'held', until, reason: 'quiet hours' }) });
  expect(await sendEmail.execute!(ctx, sendEmail.config.parse(sendEmail.defaults))).toEqual({ kind: 'hold', until, reason: 'quiet hours' });
});
