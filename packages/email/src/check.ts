// checkEmailTemplate: every problem an author can fix, with the line it is on, found when
// publishing instead of when the first customer's email fails to render.
import type { Template } from 'liquidjs';
import { AnyValueDrop, describeLiquidError, strictLiquid } from './liquid';
import { sampleMergeData } from './merge-data';
import { compileMjml } from './mjml';

export interface TemplateIssue { field: 'subject' | 'body'; message: string }

/** The sample data, with open-ended maps (event properties, custom attributes) accepting any key. */
function checkingData(): Record<string, unknown> {
  const sample = sampleMergeData();
  return { ...sample, event: new AnyValueDrop(), customer: { ...sample.customer, attributes: new AnyValueDrop() } };
}

type Segment = string | number | { toString(): string };

/** Follows a variable's path through the sample data; returns the first unknown prefix. */
function unknownPrefix(data: unknown, segments: Segment[]): string | null {
  let current: unknown = data;
  const walked: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'object') return null; // a dynamic index such as items[i]: cannot know statically
    walked.push(String(segment));
    if (current instanceof AnyValueDrop) return null;
    if (Array.isArray(current)) {
      if (typeof segment === 'number' || /^\d+$/.test(segment)) { current = current[0]; continue; }
      if (segment === 'size' || segment === 'first' || segment === 'last') { current = segment === 'size' ? 0 : current[0]; continue; }
      return walked.join('.');
    }
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return walked.join('.');
    }
    current = (current as Record<string, unknown>)[String(segment)];
    // A null order in real data is a known field with no value; the sample has one.
  }
  return null;
}

/** With catchAllErrors, LiquidJS throws one error carrying all of them. */
const liquidErrors = (err: unknown): unknown[] => (err as { errors?: unknown[] }).errors ?? [err];

async function liquidIssues(field: 'subject' | 'body', source: string): Promise<TemplateIssue[]> {
  let template: Template[];
  try {
    template = strictLiquid.parse(source);
  } catch (err) {
    return liquidErrors(err).map((error) => ({ field, message: describeLiquidError(error) }));
  }
  const issues: TemplateIssue[] = [];
  const data = checkingData();
  // Static pass: finds unknown fields in branches the sample data would not take.
  const analysis = await strictLiquid.analyze(template);
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const unknown = unknownPrefix(data, variable.segments);
      if (unknown) issues.push({ field, message: `line ${variable.location.row}: unknown merge field "${unknown}"` });
    }
  }
  // Rendering pass: finds unknown fields on loop variables ({{ item.nme }}) and filter misuse.
  try {
    await strictLiquid.render(template, data);
  } catch (err) {
    for (const error of liquidErrors(err)) {
      const message = describeLiquidError(error).replace(/undefined variable: (\S+)/, 'unknown merge field "$1"');
      if (!issues.some((i) => i.message === message)) issues.push({ field, message });
    }
  }
  return issues;
}

export async function checkSubject(subject: string): Promise<TemplateIssue[]> {
  const issues: TemplateIssue[] = [];
  if (/[\r\n]/.test(subject)) issues.push({ field: 'subject', message: 'The subject must be a single line' });
  issues.push(...await liquidIssues('subject', subject));
  return issues;
}

export async function checkBody(body: string): Promise<TemplateIssue[]> {
  const { problems } = await compileMjml(body);
  const issues: TemplateIssue[] = problems.map((message) => ({ field: 'body', message }));
  issues.push(...await liquidIssues('body', body));
  return issues;
}

export async function checkEmailTemplate(req: { subject: string; body: string }): Promise<TemplateIssue[]> {
  return [...await checkSubject(req.subject), ...await checkBody(req.body)];
}
