// A refused journey file: a 400 whose `data.issues` lists every problem (field = where in the
// file, message = the step and what is wrong, in the reader's language), and whose message
// names the count and the first.
import type { FileProblem } from '@afterglow/journey-core';
import type { Locale } from '@afterglow/i18n';
import { say, text } from '../../i18n/catalogue';
import { schemaMessage } from '../../i18n/schema-messages';
import { DomainError } from '../errors';

/** The path inside the step (`config.minDays`), or the whole path for a problem of the file. */
const fieldOf = (p: FileProblem) => (p.nodeId !== null ? p.path.replace(/^graph\.nodes\.\d+\.?/, '') || 'node' : p.path);

export class JourneyFileInvalid extends DomainError {
  readonly issues: { path: string[]; message: string }[];
  constructor(readonly problems: FileProblem[], locale: Locale) {
    const said = problems.map((p) => {
      const values = { field: fieldOf(p), message: schemaMessage(p.message, locale) };
      return say(p.step !== null ? text('journeyFile.stepProblem', { ...values, step: p.step }) : text('journeyFile.fileProblem', values), locale);
    });
    super('INVALID', text('journeyFile.invalid', { count: problems.length, first: said[0] ?? '' }), problems[0]?.path ?? 'file');
    this.issues = problems.map((p, i) => ({ path: [p.path], message: said[i] }));
  }
}
