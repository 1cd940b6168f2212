// The posted form of a Twilio callback, once its signature proves Twilio sent it with this
// workspace's Auth Token. Anyone can post to a hook URL: without this check a stranger could
// mark messages delivered or unsubscribe every customer.
import type { RouteContext, RouteRequest, RouteResponse } from '@afterglow/node-sdk';
import { twilioService } from './service.js';
import { verifyTwilioSignature } from './signature.js';

export type SignedForm = { ok: true; form: URLSearchParams } | { ok: false; response: RouteResponse };

export async function readSignedForm(request: RouteRequest, ctx: RouteContext): Promise<SignedForm> {
  const settings = await ctx.settings(twilioService);
  if (!settings) {
    ctx.log.warn('a Twilio callback arrived before the gateway was set up in Settings > Integrations');
    return { ok: false, response: { status: 403, body: 'The SMS gateway is not set up in this workspace' } };
  }
  const form = new URLSearchParams(request.body);
  if (!await verifyTwilioSignature(settings.authToken, request.headers['x-twilio-signature'], request.url, form.entries())) {
    ctx.log.warn('a callback without a valid X-Twilio-Signature was refused', { url: request.url });
    return { ok: false, response: { status: 403, body: 'The X-Twilio-Signature header is missing or wrong' } };
  }
  return { ok: true, form };
}
