// Who an email is from: a name, an address, and where replies go. A workspace keeps a default
// (workspaces.settings.sender) and a template may override it (email_templates.sender); sending
// takes the template's, else the workspace's, else the server's own sender (per part: From and
// Reply-To are chosen apart, so a template may change only where replies go).
import { z } from 'zod';

/** A display name goes into the From header between quotes: no quotes, brackets or line breaks. */
const fromName = z.string().trim().max(100, 'A sender name is at most 100 characters')
  .refine((s) => !/["<>\\\p{Cc}]/u.test(s), 'A sender name must be one line without quotes or angle brackets')
  .default('');

const address = (message: string) => z.union([z.literal(''), z.email(message).max(254, message)]);

export const senderIdentitySchema = z.object({
  fromName,
  fromAddress: z.string().trim().pipe(address('fromAddress must be an email address, e.g. shop@example.com')).default(''),
  replyTo: z.string().trim().pipe(address('replyTo must be an email address, e.g. help@example.com')).default(''),
}).refine((s) => s.fromName === '' || s.fromAddress !== '', { path: ['fromAddress'], message: 'A sender name needs a from address' });
export type SenderIdentity = z.output<typeof senderIdentitySchema>;
