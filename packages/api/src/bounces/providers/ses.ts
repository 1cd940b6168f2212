// Amazon SES bounce and complaint notifications, delivered by an SNS topic's HTTPS
// subscription. Every message's SNS signature is verified first (sns-verify.ts); the topic must
// be one a workspace named in settings, since anyone can create a topic and subscribe Afterglow
// to it. A SubscriptionConfirmation for such a topic is confirmed by visiting its SubscribeURL
// (an SNS host only). SES's own notifications (notificationType) and event publishing's
// (eventType) are both read; the Message-ID is the original email's, from mail.headers.
import type { Database } from '@afterglow/db';
import { z } from 'zod';
import { HttpError, parseJsonBody, refuseBadInput } from '../../ingest/http-io';
import { addressOf, bounceEvent, bracketed, complaintEvent, ignoredEvent, type RelayEvent } from './report';
import { createSnsVerifier, isSnsUrl, type SnsFetch } from './sns-verify';
import { workspacesForTopic } from './settings';
import { zodIssues } from './zod-issues';
import type { RelayReader } from './types';

const text = (field: string) => z.string({ error: `${field} is required` }).max(300_000);

const snsSchema = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'], { error: 'Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation' }),
  MessageId: text('MessageId'), TopicArn: text('TopicArn').max(256), Message: text('Message'), Timestamp: text('Timestamp'),
  SignatureVersion: text('SignatureVersion'), Signature: text('Signature'), SigningCertURL: text('SigningCertURL'),
  Subject: z.string().optional(), SubscribeURL: z.string().optional(), Token: z.string().optional(),
});

const recipient = z.object({ emailAddress: z.string(), status: z.string().optional(), diagnosticCode: z.string().optional() });
const sesSchema = z.object({
  notificationType: z.string().optional(), eventType: z.string().optional(),
  mail: z.object({
    messageId: z.string().optional(),
    commonHeaders: z.object({ messageId: z.string().optional() }).loose().optional(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  }).loose().optional(),
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(recipient) }).loose().optional(),
  complaint: z.object({
    complainedRecipients: z.array(z.object({ emailAddress: z.string() })), complaintFeedbackType: z.string().optional(), complaintSubType: z.string().nullish(),
  }).loose().optional(),
}).loose();
type SesNotification = z.output<typeof sesSchema>;

/** Words for SES's bounce sub-types, for bounces that pass on none of the server's. */
const SUB_TYPE_WORDS: Record<string, string> = {
  NoEmail: 'user unknown', MailboxFull: 'mailbox full', MessageTooLarge: 'message too large',
  ContentRejected: 'content rejected', AttachmentRejected: 'attachment rejected',
  Suppressed: 'address on the Amazon SES suppression list', OnAccountSuppressionList: 'address on the account suppression list',
};

function messageIdOf(mail: SesNotification['mail']): string | null {
  const header = mail?.headers?.find((h) => h.name.toLowerCase() === 'message-id')?.value;
  return bracketed(mail?.commonHeaders?.messageId ?? header);
}

function sesEvents(notice: SesNotification): RelayEvent[] {
  const kind = notice.notificationType ?? notice.eventType ?? '';
  const messageId = messageIdOf(notice.mail);
  if (kind === 'Bounce' && notice.bounce) {
    const { bounceType, bounceSubType = '' } = notice.bounce;
    return notice.bounce.bouncedRecipients.map((r) => {
      const address = addressOf(r.emailAddress);
      if (!address) return ignoredEvent('not an email address', null, messageId);
      // Undetermined: SES could not tell why; read as temporary so nobody is lost on a guess.
      return bounceEvent({ address, messageId, diagnostic: r.diagnosticCode ?? '', status: r.status, temporary: bounceType !== 'Permanent',
        fallbackWords: SUB_TYPE_WORDS[bounceSubType] ?? bounceSubType });
    });
  }
  if (kind === 'Complaint' && notice.complaint) {
    const { complaintFeedbackType, complaintSubType } = notice.complaint;
    return notice.complaint.complainedRecipients.map((r) => {
      const address = addressOf(r.emailAddress);
      // SES did not send it at all: the address was on the account's suppression list.
      if (!address || complaintSubType === 'OnAccountSuppressionList') return ignoredEvent(address ? 'on the SES account suppression list, not sent' : 'not an email address', address, messageId);
      return complaintEvent(address, messageId, `Amazon SES complaint${complaintFeedbackType ? ` (${complaintFeedbackType})` : ''}`);
    });
  }
  return [ignoredEvent(`SES ${kind || 'notification'} is not a bounce or complaint`, null, messageId)];
}

export function createSesReader(fetchText: SnsFetch): RelayReader {
  const verify = createSnsVerifier(fetchText);
  return async (database: Database, { raw }) => {
    const json = parseJsonBody(raw);
    refuseBadInput(json, 'SNS message');
    const parsed = snsSchema.safeParse(json);
    if (!parsed.success) throw new HttpError(400, 'Not an Amazon SNS message: nothing was recorded', zodIssues(parsed.error));
    const message = parsed.data;
    // The topic first: a message for no configured topic never makes Afterglow fetch anything.
    const workspaceIds = await workspacesForTopic(database, message.TopicArn);
    if (workspaceIds.length === 0) {
      throw new HttpError(403, `SNS topic ${message.TopicArn} is not set up in any workspace: add it under Settings, Relay webhooks`, [{ path: 'TopicArn', message: 'not a configured topic' }]);
    }
    await verify(message);
    if (message.Type === 'UnsubscribeConfirmation') return { workspaceIds, events: [], note: `unsubscribed from ${message.TopicArn}` };
    if (message.Type === 'SubscriptionConfirmation') {
      if (!message.SubscribeURL || !isSnsUrl(message.SubscribeURL)) {
        throw new HttpError(400, 'SubscribeURL is not an https URL on an sns.<region>.amazonaws.com host', [{ path: 'SubscribeURL', message: 'not an Amazon SNS URL' }]);
      }
      try {
        await fetchText(message.SubscribeURL);
      } catch (err) {
        throw new HttpError(502, `Confirming the subscription to ${message.TopicArn} failed: ${(err as Error).message}`);
      }
      return { workspaceIds, events: [], note: `subscription to ${message.TopicArn} confirmed` };
    }
    let inner: unknown;
    try {
      inner = JSON.parse(message.Message);
    } catch {
      throw new HttpError(400, 'Message is not an Amazon SES notification (not JSON)', [{ path: 'Message', message: 'not JSON' }]);
    }
    const notice = sesSchema.safeParse(inner);
    if (!notice.success) throw new HttpError(400, 'Message is not an Amazon SES notification', zodIssues(notice.error, 'Message'));
    return { workspaceIds, events: sesEvents(notice.data) };
  };
}
