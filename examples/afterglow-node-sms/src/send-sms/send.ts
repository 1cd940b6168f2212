// What both versions of Send SMS do when a run reaches them, in the order that keeps a
// customer's trust and the shop's money: a number to send to, consent, a message worth sending,
// then the workspace's quiet hours and frequency cap (asked last: a 'send' verdict takes the
// customer's slot under the cap), then the SMS queued with the gateway in the step's transaction.
import { hold, next, NodeError, renderTextTemplate, textMergeData, type ExecContext, type Instruction } from '@afterglow/node-sdk';
import { toE164 } from '../sms/phone.js';
import { toGsm7Latin } from '../sms/transliterate.js';
import { MAX_SMS_BODY, twilioService } from '../twilio/service.js';

export interface SmsRequest {
  /** The text with merge fields. */
  message: string;
  kind: 'marketing' | 'transactional';
  whenCapped: 'skip' | 'hold';
  alphabet: 'keep' | 'latin';
  /** Completes local numbers ('381'); '' sends only to numbers written internationally. */
  countryCode: string;
}

/** The text the customer receives: merge fields filled in, then written in GSM-7 Latin if asked. */
export function composeMessage(ctx: ExecContext, request: Pick<SmsRequest, 'message' | 'alphabet'>): string {
  const text = renderTextTemplate(request.message, textMergeData(ctx.customer, ctx.run)).trim();
  return request.alphabet === 'latin' ? toGsm7Latin(text) : text;
}

/** Why this customer gets no SMS from this step, or null when nothing stands in the way. */
function withoutConsent(attributes: Record<string, unknown>, kind: SmsRequest['kind']): string | null {
  // An explicit "no" (a STOP reply, an unticked box) stops every SMS, order updates too.
  if (attributes.smsConsent === false) return 'the customer opted out of SMS';
  if (kind === 'marketing' && attributes.smsConsent !== true) return 'no consent to marketing SMS (smsConsent is not true)';
  return null;
}

export async function sendSms(ctx: ExecContext, request: SmsRequest): Promise<Instruction> {
  const skip = (reason: string) => {
    ctx.count('skipped');
    ctx.log('SMS skipped', { reason });
    return next();
  };
  const { attributes } = ctx.customer;
  const to = toE164(attributes.phone, request.countryCode);
  if (!to) return skip(attributes.phone === undefined || attributes.phone === null ? 'no phone' : 'the phone is not a number it can send to');
  const refused = withoutConsent(attributes, request.kind);
  if (refused) return skip(refused);
  const body = composeMessage(ctx, request);
  if (!body) return skip('the message is empty once its merge fields are filled in');
  if (body.length > MAX_SMS_BODY) {
    throw new NodeError(`The message is ${body.length} characters once its merge fields are filled in; an SMS gateway takes at most ${MAX_SMS_BODY}`, { field: 'message' });
  }
  const verdict = await ctx.sendPolicy.check({ channel: 'sms', kind: request.kind, whenCapped: request.whenCapped });
  if (verdict.decision === 'hold') return hold(verdict.until, verdict.reason);
  if (verdict.decision === 'skip') return skip(verdict.reason);
  await ctx.enqueue(twilioService, { to, body }, { marketing: request.kind === 'marketing' });
  return next();
}
