// The bounce corpus (tests/corpus/bounces, SOURCES.md there) and how far Afterglow's reading of
// it agrees with sisimai's: per expected entry, the reason (sisimai's mapped onto Afterglow's,
// see sisimai-reasons.ts), hard or soft, the recipient; per complaint, that it was seen as one.
import { readBounceMail, ReportError, type BounceReading, type RecipientReport } from '@afterglow/email';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SISIMAI_REASONS } from './sisimai-reasons';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'bounces');

interface Expected {
  entries: Array<{ status: string; replyCode: string; reason: string; hardBounce: boolean; feedbackType: string }>;
  recipients: string[];
  originalMessageId: string;
}
export const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
export const corpusMail = (file: string) => readFileSync(path.join(dir, 'eml', file));

export interface Comparison {
  file: string;
  want: Expected['entries'][number] & { recipient: string };
  got: RecipientReport | null;
}

/** Every expected entry beside the recipient Afterglow read for it (by address, else by position). */
export async function compareCorpus(): Promise<{ comparisons: Comparison[]; unread: string[] }> {
  const comparisons: Comparison[] = [];
  const unread: string[] = [];
  for (const file of Object.keys(expected).sort()) {
    const want = expected[file];
    let reading: BounceReading | null = null;
    try {
      reading = await readBounceMail(corpusMail(file));
    } catch (err) {
      if (!(err instanceof ReportError)) throw new Error(`${file}: ${String(err)}`, { cause: err });
      if (want.entries.length > 0) unread.push(file);
    }
    want.entries.forEach((entry, i) => {
      const recipient = want.recipients[i] ?? want.recipients[0] ?? '';
      const got = reading?.recipients.find((r) => r.address === recipient.toLowerCase()) ?? reading?.recipients[i] ?? reading?.recipients[0] ?? null;
      comparisons.push({ file, want: { ...entry, recipient }, got });
    });
  }
  return { comparisons, unread };
}

export interface Agreement { agreed: number; of: number; percent: number }
const agreement = (list: Comparison[], agrees: (c: Comparison) => boolean): Agreement => {
  const agreed = list.filter(agrees).length;
  return { agreed, of: list.length, percent: list.length ? Math.round((1000 * agreed) / list.length) / 10 : 100 };
};

export function agreements(comparisons: Comparison[]) {
  const complaints = comparisons.filter((c) => c.want.reason === 'feedback');
  return {
    reason: agreement(comparisons, (c) => c.got?.reason === SISIMAI_REASONS[c.want.reason]),
    hardVsSoft: agreement(comparisons, (c) => (c.got?.hard ?? false) === c.want.hardBounce),
    complaint: agreement(complaints, (c) => c.got?.reason === 'complaint'),
    notComplaint: agreement(comparisons.filter((c) => c.want.reason !== 'feedback'), (c) => c.got?.reason !== 'complaint'),
    recipient: agreement(comparisons, (c) => c.got?.address === c.want.recipient.toLowerCase()),
  };
}

/** Reason agreement per expected (sisimai) reason, for the printed table. */
export function perReason(comparisons: Comparison[]): Array<[string, Agreement]> {
  const reasons = [...new Set(comparisons.map((c) => c.want.reason))].sort();
  return reasons.map((r) => [r, agreement(comparisons.filter((c) => c.want.reason === r), (c) => c.got?.reason === SISIMAI_REASONS[r])]);
}
