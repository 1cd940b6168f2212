// The Message-ID of the email a report answers, read from the copy of it the report returns:
// a message/rfc822 or text/rfc822-headers part, or the headers a prose notice quotes inline.
import { simpleParser, type Attachment } from 'mailparser';

/** The first part of one of `types`; mailparser gives a part with an empty Content-Type the type `false`. */
export const partOf = (attachments: Attachment[], ...types: string[]) =>
  attachments.find((a) => typeof a.contentType === 'string' && types.includes(a.contentType.toLowerCase()));

export const ORIGINAL_TYPES = ['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global', 'message/global-headers'];

/** The headers of the original message, parsed (headers alone parse as a message with an empty body). */
export async function originalHeaders(text: string) {
  return simpleParser(/\r?\n\r?\n/.test(text) ? text : `${text}\r\n\r\n`);
}

/**
 * The original message's headers as text. mailparser hands the original over as a part, except
 * a message/rfc822 part marked "Content-Disposition: inline" (as RFC 5965's own example is):
 * that one it folds into the text, so it is read from the report's top-level parts (a report is
 * flat, and a message/rfc822 part is never transfer-encoded).
 */
export function originalText(raw: string, boundary: string | undefined, attachments: Attachment[]): string | null {
  const original = partOf(attachments, ...ORIGINAL_TYPES);
  if (original) return original.content.toString('utf8');
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    if (/^content-type:\s*(message\/rfc822|text\/rfc822-headers)\b/im.test(part.slice(0, split.index))) {
      return part.slice(split.index + split[0].length);
    }
  }
  return null;
}

/** A Message-ID quoted in a prose notice's copy of the original headers. */
export function quotedMessageId(text: string): string | null {
  return /^Message-I[dD]:\s*(<[^<>\s]+>)/m.exec(text)?.[1] ?? null;
}
