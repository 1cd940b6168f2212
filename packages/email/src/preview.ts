// The editor's preview (and test send) of a draft: checked like a saved template, then
// rendered for one customer. Problems come back as issues with their lines, never thrown.
// A draft is untrusted and new at every keystroke, so nothing here fills the render caches.
import { LiquidError } from 'liquidjs';
import { checkBody, checkSubject, type TemplateIssue } from './check';
import { mergeGaps, type MergeGap } from './gaps';
import { describeLiquidError } from './liquid';
import type { EmailFormat } from './locale-filters';
import type { MergeData } from './merge-data';
import { TemplateError } from './mjml';
import { compileBodyOnce, renderCompiled, type RenderedEmail } from './render';

export interface PreviewRequest {
  subject: string; preheader: string; body: string;
  /** The locale, currency and time zone of the variant shown (English and euros unless given). */
  format?: EmailFormat;
}

/** gaps: the merge fields that are empty for this customer (gaps.ts). */
export type PreviewResult = { ok: true; email: RenderedEmail; issues: TemplateIssue[]; gaps: MergeGap[] } | { ok: false; issues: TemplateIssue[] };

/** Which part of the template is being worked on: named when it runs out of time or memory. */
export type TemplateField = TemplateIssue['field'];

/** Far above any real email (Gmail clips after 102 KB), far below what would strain a server to send. */
export const MAX_RENDERED_EMAIL_CHARS = 1_000_000;

function tooLarge(email: RenderedEmail): TemplateIssue | null {
  const size = email.html.length + email.text.length;
  if (size <= MAX_RENDERED_EMAIL_CHARS) return null;
  const mb = (chars: number) => `${(chars / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
  return { field: 'body', message: `The rendered email is ${mb(size)}; keep it under ${mb(MAX_RENDERED_EMAIL_CHARS)} (Gmail clips emails over 102 KB)` };
}

export async function previewEmail(
  content: PreviewRequest, data: MergeData, enter: (field: TemplateField) => void = () => {},
): Promise<PreviewResult> {
  enter('subject');
  const issues = await checkSubject(content.subject);
  enter('body');
  issues.push(...await checkBody(content.body));
  try {
    const email = renderCompiled(await compileBodyOnce(content.body, content.preheader), content.subject, data, content.format);
    const large = tooLarge(email);
    return large ? { ok: false, issues: [...issues, large] } : { ok: true, email, issues, gaps: await mergeGaps(content, data) };
  } catch (err) {
    if (err instanceof TemplateError) return { ok: false, issues: issues.length ? issues : err.problems.map((message) => ({ field: err.field, message })) };
    // Real data can take a branch the sample did not (a loop over a huge range, a filter
    // given the wrong type): still the template's problem, reported like the others.
    if (err instanceof LiquidError) return { ok: false, issues: issues.length ? issues : [{ field: 'body', message: describeLiquidError(err) }] };
    throw err;
  }
}
