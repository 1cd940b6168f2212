// Twilio's delivery-status callback (the StatusCallback of each message): the final status of
// a message it accepted settles the effect and adds to the node's counters; the statuses on
// the way (queued, sending, sent) change nothing. Twilio may repeat a callback: settling twice
// keeps the first outcome.
import type { PluginRoute } from '@afterglow/node-sdk';
import { twilioService } from './service.js';
import { readSignedForm } from './signed-form.js';

const FAILED = new Set(['failed', 'undelivered']);

export const statusRoute: PluginRoute = {
  method: 'POST',
  path: 'status',
  async handle(request, ctx) {
    const signed = await readSignedForm(request, ctx);
    if (!signed.ok) return signed.response;
    const sid = signed.form.get('MessageSid');
    const status = signed.form.get('MessageStatus');
    if (!sid || !status) return { status: 400, body: 'MessageSid and MessageStatus are required' };
    let known: boolean;
    if (status === 'delivered') {
      known = await ctx.settle(twilioService, sid, { status: 'delivered', count: 'delivered' });
    } else if (FAILED.has(status)) {
      const code = signed.form.get('ErrorCode');
      const error = `Twilio reported the message ${status}${code ? ` (error ${code}, https://www.twilio.com/docs/api/errors/${code})` : ''}`;
      known = await ctx.settle(twilioService, sid, { status: 'failed', error, count: 'undelivered' });
    } else {
      return { status: 204 };
    }
    if (!known) ctx.log.info('a status for a message this workspace did not send', { sid, status });
    return { status: 204 };
  },
};
