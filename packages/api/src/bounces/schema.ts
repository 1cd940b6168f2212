// The JSON a relay (SES, Postmark, a script reading a bounce mailbox) forwards for a bounce
// or complaint: { type, messageId, address, reason, hard? }. Without `hard`, the reason's words
// decide (a "mailbox full" is soft); a bounce with no reason at all is taken as hard, as before.
import { z } from 'zod';

/** A bounce's size limit, at the webhook and the bounce listener: a DSN may quote the whole original email (HTML and all). */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export const bounceNoticeSchema = z.object({
  type: z.enum(['bounce', 'complaint'], { error: "type must be 'bounce' or 'complaint'" }),
  messageId: z.string({ error: 'messageId is required: the Message-ID of the email' }).trim()
    .transform((id) => id.replace(/^<|>$/g, ''))
    .refine((id) => id.length > 0 && id.length <= 996 && !/[\s<>]/.test(id), 'messageId must be a Message-ID such as <abc@host>')
    .transform((id) => `<${id}>`),
  address: z.email({ error: 'address must be the email address that bounced or complained' }).max(320).transform((a) => a.toLowerCase()),
  reason: z.string({ error: 'reason must be text' }).trim().max(2_000, 'reason is at most 2,000 characters').default(''),
  hard: z.boolean({ error: 'hard must be true (the address will never work) or false' }).optional(),
});
export type BounceNotice = z.output<typeof bounceNoticeSchema>;
