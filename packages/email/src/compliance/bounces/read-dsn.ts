// The per-recipient fields of a delivery status notification (RFC 3464): Final-Recipient,
// Action, Status, Diagnostic-Code. Where a recipient's Diagnostic-Code is missing or says
// nothing recognisable, the notice's own lines about that address are read too.
import { replyCodeIn, statusIn, type TextRecipient } from './read-text';
import { addressOf, fromFacts, type RecipientReport } from './recipient';
import { parseFieldBlocks } from './report-error';

/** A DSN's per-recipient blocks; a recipient's Diagnostic-Code missing, the notice's lines about it. */
export function readDsnFields(text: string, prose: TextRecipient[]): RecipientReport[] {
  const blocks = parseFieldBlocks(splitRecipients(text)).filter((b) => b['final-recipient'] || (b.action && b.status) || b['original-recipient']);
  return blocks.map((block) => {
    const address = addressOf(block['final-recipient']) ?? addressOf(block['original-recipient']) ?? addressOf(block['x-actual-recipient']);
    const lines = prose.find((p) => p.address === address);
    const code = block['diagnostic-code']?.replace(/^\s*smtp\s*;\s*/i, '') ?? '';
    const diagnostic = [code, lines?.diagnostic].filter(Boolean).join(' ');
    const status = /^[245]\.\d{1,3}\.\d{1,3}/.exec(block.status ?? '')?.[0] ?? statusIn(code) ?? lines?.status ?? null;
    const facts = { action: block.action ?? null, status, replyCode: replyCodeIn(code) ?? lines?.replyCode ?? null, diagnostic: code, context: lines?.diagnostic ?? null };
    // The server's own words first; the notice's lines only when those say nothing recognisable.
    const own = fromFacts(address, facts, null);
    return own.reason === 'other' && lines ? fromFacts(address, { ...facts, diagnostic }, null) : own;
  });
}

/**
 * A blank line before a recipient's fields that follow another recipient's in the same block
 * (AOL writes per-message and per-recipient fields in one block), so each reads as its own.
 */
function splitRecipients(text: string): string {
  let seen = false;
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    if (!line.trim()) seen = false;
    if (!/^final-recipient\s*:/i.test(line)) return line;
    const split = seen ? '\n' : '';
    seen = true;
    return `${split}${line}`;
  }).join('\n');
}
