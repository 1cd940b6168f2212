// The SMS gateway: each queued message is one POST to Twilio's Messages API (or a gateway
// speaking it). Twilio answers 201 once it has accepted the message; whether the phone got it
// arrives later at the `status` route. The effect's key goes out as Twilio's idempotency token,
// so a retry after a lost answer does not send the SMS twice.
import { defineService, type DeliveryContext, type DeliveryResult, type QueuedEffect } from '@afterglow/node-sdk';
import { z } from 'zod';
import { MESSAGING_SERVICE_SID, TWILIO_BASE_URL, twilioSettings, type TwilioSettings } from './settings.js';

/** Twilio's limit on a message's characters: longer bodies are refused (error 21617). */
export const MAX_SMS_BODY = 1600;

export const smsPayload = z.object({
  to: z.string().regex(/^\+[1-9]\d{7,14}$/, 'A phone number in E.164 (+381601234567)'),
  body: z.string().min(1).max(MAX_SMS_BODY),
});

type SmsPayload = z.output<typeof smsPayload>;

const NOT_CONFIGURED = 'The SMS gateway is not set up: an admin fills in Settings > Integrations > Twilio SMS (Account SID, Auth Token, Send from); messages wait until then';

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfter(header: string | null, now: Date): Date | undefined {
  if (!header) return undefined;
  const at = /^\d+$/.test(header.trim()) ? now.getTime() + Number(header) * 1000 : Date.parse(header);
  return Number.isFinite(at) ? new Date(at) : undefined;
}

function messageForm(payload: SmsPayload, settings: TwilioSettings, statusUrl: string): URLSearchParams {
  const form = new URLSearchParams({ To: payload.to, Body: payload.body, StatusCallback: statusUrl });
  form.set(MESSAGING_SERVICE_SID.test(settings.from) ? 'MessagingServiceSid' : 'From', settings.from);
  return form;
}

/** Twilio's error document: { code, message, more_info, status }; the raw text when it is something else. */
async function twilioError(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const error = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (error.code !== undefined || error.message !== undefined) return `Twilio error ${String(error.code ?? response.status)}: ${String(error.message ?? '')}`;
  } catch {
    // not JSON: a proxy's page
  }
  return `HTTP ${response.status}: ${text.slice(0, 300)}`;
}

async function deliver(effect: QueuedEffect<SmsPayload>, ctx: DeliveryContext<TwilioSettings>): Promise<DeliveryResult> {
  const settings = ctx.settings;
  if (!settings) return { status: 'retry', error: NOT_CONFIGURED };
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${settings.accountSid}/Messages.json`;
  let response: Response;
  try {
    response = await ctx.fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${settings.accountSid}:${settings.authToken}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'i-twilio-idempotency-token': effect.key,
      },
      body: messageForm(effect.payload, settings, ctx.routeUrl('status')).toString(),
    });
  } catch (err) {
    return { status: 'retry', error: `Twilio could not be reached: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (response.status === 200 || response.status === 201) {
    const { sid } = await response.json().catch(() => ({})) as { sid?: unknown };
    if (typeof sid !== 'string' || !sid) return { status: 'retry', error: 'Twilio accepted the message without a sid' };
    return { status: 'accepted', externalId: sid, count: 'sent' };
  }
  const error = await twilioError(response);
  if (response.status === 429 || response.status >= 500) {
    return { status: 'retry', error, after: retryAfter(response.headers.get('retry-after'), ctx.now()) };
  }
  // Wrong credentials fail every message alike: they wait for the admin instead of failing for good.
  if (response.status === 401) return { status: 'retry', error: `${error} (check the Account SID and Auth Token in Settings > Integrations)` };
  return { status: 'failed', error, count: 'undelivered' };
}

export const twilioService = defineService({
  id: 'sms/twilio',
  label: 'Twilio SMS',
  payload: smsPayload,
  settings: twilioSettings,
  settingsDefaults: { baseUrl: TWILIO_BASE_URL },
  counters: ['sent', 'delivered', 'undelivered'],
  retry: { maxAttempts: 10 },
  deliver,
});
