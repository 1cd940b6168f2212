// Messages customers send to the shop's number (Twilio's "A message comes in" webhook). STOP and
// its kin turn SMS consent off for every customer with that phone, START turns it back on, and
// any other text becomes an "SMS Received" event a journey can react to. Twilio gets an empty
// TwiML answer: it sends its own replies to keywords, the shop's journeys answer the rest.
import type { PluginRoute, RouteContext } from '@afterglow/node-sdk';
import { keywordOf } from '../sms/keywords.js';
import { storedForms, toE164 } from '../sms/phone.js';
import { readSignedForm } from './signed-form.js';

const EMPTY_TWIML = { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>', headers: { 'content-type': 'text/xml' } };

/** The customers whose `phone` attribute is this number, however it was written (see storedForms). */
async function customersWith(ctx: RouteContext, phone: string): Promise<string[]> {
  const found = await Promise.all(storedForms(phone).map((form) => ctx.customers.findByAttribute('phone', form)));
  return [...new Set(found.flat())];
}

export const inboundRoute: PluginRoute = {
  method: 'POST',
  path: 'inbound',
  async handle(request, ctx) {
    const signed = await readSignedForm(request, ctx);
    if (!signed.ok) return signed.response;
    const from = signed.form.get('From');
    const body = signed.form.get('Body') ?? '';
    if (!from) return { status: 400, body: 'From is required' };
    const phone = toE164(from) ?? from;
    const customers = await customersWith(ctx, phone);
    if (customers.length === 0) ctx.log.info('an SMS from a number no customer has', { from: phone });
    const keyword = keywordOf(body);
    for (const id of customers) {
      if (keyword === 'opt-out') {
        await ctx.customers.setAttributes(id, { smsConsent: false });
        await ctx.track(id, 'SMS Unsubscribed', { phone, keyword: body.trim() });
      } else if (keyword === 'opt-in') {
        await ctx.customers.setAttributes(id, { smsConsent: true });
        await ctx.track(id, 'SMS Subscribed', { phone, keyword: body.trim() });
      } else {
        await ctx.track(id, 'SMS Received', { phone, body, messageSid: signed.form.get('MessageSid') ?? '' });
      }
    }
    return EMPTY_TWIML;
  },
};
