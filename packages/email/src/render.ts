// renderEmail: MJML compiled once per distinct body (cached), then the compiled HTML is
// personalised with Liquid for each recipient; the subject is rendered as plain text and
// flattened to one line so no merge value can add a header.
import { createHash } from 'node:crypto';
import type { Template } from 'liquidjs';
import { htmlToText } from './html-to-text';
import { describeLiquidError, htmlLiquid, textLiquid } from './liquid';
import { LruCache } from './lru';
import type { MergeData } from './merge-data';
import { compileMjml, TemplateError, withPreheader } from './mjml';

export interface RenderRequest { subject: string; body: string; preheader?: string }
export interface RenderedEmail { subject: string; html: string; text: string }

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

// Keyed by a hash of the MJML source (preheader included): every email of a journey
// version's node shares one entry.
const compiledBodies = new LruCache<string, Promise<Template[]>>(500);
const parsedSubjects = new LruCache<string, Template[]>(2_000);

async function compileBody(source: string): Promise<Template[]> {
  const { html, problems } = await compileMjml(source);
  if (problems.length > 0) throw new TemplateError('body', problems);
  try {
    return htmlLiquid.parse(html);
  } catch (err) {
    throw new TemplateError('body', [describeLiquidError(err)]);
  }
}

/** The compiled, Liquid-parsed body of an MJML source; concurrent callers share one compilation. */
export function compiledBody(source: string): Promise<Template[]> {
  const key = hashOf(source);
  const hit = compiledBodies.get(key);
  if (hit) return hit;
  const pending = compileBody(source);
  compiledBodies.set(key, pending);
  // A broken template is not remembered: it is usually fixed and tried again soon.
  pending.catch(() => compiledBodies.delete(key));
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

export async function renderEmail(req: RenderRequest, data: MergeData): Promise<RenderedEmail> {
  const body = await compiledBody(withPreheader(req.body, req.preheader));
  const html: string = await htmlLiquid.render(body, data);
  const subject = toSubjectLine(await textLiquid.render(parsedSubject(req.subject), data));
  return { subject, html, text: htmlToText(html) };
}
