// What every reader of reports shares: the error that names what a report lacks (the webhook
// answers it with a 400) and the RFC 822-style field blocks of DSN and ARF parts.

/** A message that is not a report Afterglow can read: `field` names what was missing or wrong. */
export class ReportError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** RFC 822-style field blocks (separated by blank lines), folded lines joined, names lower-cased. */
export function parseFieldBlocks(text: string): Array<Record<string, string>> {
  const blocks: Array<Record<string, string>> = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const line of chunk.split('\n')) {
      if (/^[ \t]/.test(line) && last) fields[last] += ` ${line.trim()}`;
      else {
        const match = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
        if (!match) continue;
        last = match[1].toLowerCase();
        fields[last] = fields[last] ? fields[last] : match[2].trim();
      }
    }
    if (Object.keys(fields).length > 0) blocks.push(fields);
  }
  return blocks;
}
