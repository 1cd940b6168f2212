// renderEmail: MJML compiled once per distinct body (cached), then the compiled HTML is
// personalised with Liquid for each recipient; the subject is rendered as plain text and
// flattened to one line so no merge value can add a header.
import type { Template } from 'liquidjs';
import { htmlToText } from './html-to-text';
import { describeLiquidError, htmlLiquid, textLiquid } from './liquid';
import { DEFAULT_FORMAT, formatGlobals, type EmailFormat } from './locale-filters';
import { LruCache } from './lru';
import type { MergeData } from './merge-data';
import { compileMjml, TemplateError, withPreheader } from './mjml';
import { textTemplateOf, tidyText } from './text-template';

export interface RenderRequest { subject: string; body: string; preheader?: string }
export interface RenderedEmail { subject: string; html: string; text: string }

/** A template version's body, compiled once: the HTML, and the text part when it can be (see text-template). */
export interface CompiledBody { html: Template[]; text: Template[] | null }

// Keyed by the MJML source and the preheader themselves: a Map hashes a string once and
// remembers it, so the emails of one node (the same source string) cost no hashing at all.
const compiledBodies = new LruCache<string, Map<string, Promise<CompiledBody>>>(500);
const parsedSubjects = new LruCache<string, Template[]>(2_000);

async function compileBody(source: string): Promise<CompiledBody> {
  const { html, problems } = await compileMjml(source);
  if (problems.length > 0) throw new TemplateError('body', problems);
  try {
    return { html: htmlLiquid.parse(html), text: textTemplateOf(html) };
  } catch (err) {
    throw new TemplateError('body', [describeLiquidError(err)]);
  }
}

/** Compiles without remembering: a draft in the editor changes with every keystroke. */
export function compileBodyOnce(body: string, preheader = ''): Promise<CompiledBody> {
  return compileBody(withPreheader(body, preheader));
}

/** The compiled body of an MJML source with its preheader; concurrent callers share one compilation. */
function compiledBody(body: string, preheader = ''): Promise<CompiledBody> {
  let byPreheader = compiledBodies.get(body);
  if (!byPreheader) compiledBodies.set(body, (byPreheader = new Map()));
  const hit = byPreheader.get(preheader);
  if (hit) return hit;
  const pending = compileBody(withPreheader(body, preheader));
  const versions = byPreheader;
  versions.set(preheader, pending);
  // A broken template is not remembered: it is usually fixed and tried again soon.
  pending.catch(() => versions.delete(preheader));
  return pending;
}

function parsedSubject(subject: string): Template[] {
  const hit = parsedSubjects.get(subject);
  if (hit) return hit;
  try {
    const parsed = textLiquid.parse(subject);
    parsedSubjects.set(subject, parsed);
    return parsed;
  } catch (err) {
    throw new TemplateError('subject', [describeLiquidError(err)]);
  }
}

/** One line, no control characters: CR/LF in a merge value must never start a new header. */
export function toSubjectLine(rendered: string): string {
  // eslint-disable-next-line no-control-regex
  return rendered.replace(/[\r\n\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** `format`: the locale, currency and time zone the filters write in (English and euros unless given). */
export async function renderEmail(req: RenderRequest, data: MergeData, format: EmailFormat = DEFAULT_FORMAT): Promise<RenderedEmail> {
  return renderCompiled(await compiledBody(req.body, req.preheader), req.subject, data, format);
}

export function renderCompiled(body: CompiledBody, subjectSource: string, data: MergeData, format: EmailFormat = DEFAULT_FORMAT): RenderedEmail {
  // Synchronous rendering: no tag or filter here does I/O, and it is twice as fast as the
  // async renderer (measured by `pnpm bench`), which matters at thousands of emails a second.
  const options = { globals: formatGlobals(format) };
  const html: string = htmlLiquid.renderSync(body.html, data, options);
  const subject = toSubjectLine(textLiquid.renderSync(parsedSubject(subjectSource), data, options));
  const text = body.text ? tidyText(textLiquid.renderSync(body.text, data, options)) : htmlToText(html);
  return { subject, html, text };
}
