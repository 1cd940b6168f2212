import { createTestContext } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { sendEmail } from './definition';

describe('core/send-email', () => {
  it('asks the email service to send, then moves on', async () => {
    const { ctx, effects } = createTestContext();
    const config = sendEmail.config.parse(sendEmail.defaults);
    expect(await sendEmail.execute!(ctx, config)).toEqual({ kind: 'next', branch: 'out' });
    expect(effects.emails).toEqual([{ subject: config.subject, body: config.body, preheader: '', kind: 'marketing' }]);
  });

  it('refuses a subject that spans lines (header injection)', () => {
    const parsed = sendEmail.config.safeParse({ ...sendEmail.defaults, subject: 'Hi\r\nBcc: x@evil.test' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['subject']);
  });
});
