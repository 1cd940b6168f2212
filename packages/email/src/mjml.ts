// MJML → HTML, once per distinct template. Liquid tags pass through MJML untouched (inside
// <mj-text>, <mj-raw> and attribute values), so the compiled HTML is then personalised per
// customer with Liquid, which is cheap; compiling MJML per email would not be.
import mjml2html from 'mjml';

export class TemplateError extends Error {
  constructor(readonly field: 'subject' | 'body', readonly problems: string[]) {
    super(`Email ${field} is invalid: ${problems.join('; ')}`);
    this.name = 'TemplateError';
  }
}

const INCLUDE = /<\s*mj-include\b/i;

/** mj-include reads files from the server's disk: never allowed in a stored template. */
export function refusesInclude(body: string): string | null {
  const index = body.search(INCLUDE);
  if (index < 0) return null;
  const line = body.slice(0, index).split('\n').length;
  return `line ${line}: <mj-include> is not allowed; paste the content into the template instead`;
}

const escapeXmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Puts the preheader in as <mj-preview> (inside <mj-head>, created when missing). */
export function withPreheader(body: string, preheader: string | undefined): string {
  const text = preheader?.trim();
  if (!text) return body;
  const preview = `<mj-preview>${escapeXmlText(text)}</mj-preview>`;
  if (/<mj-head\b[^>]*>/i.test(body)) return body.replace(/<mj-head\b[^>]*>/i, (head) => `${head}${preview}`);
  if (/<mjml\b[^>]*>/i.test(body)) return body.replace(/<mjml\b[^>]*>/i, (root) => `${root}<mj-head>${preview}</mj-head>`);
  return body; // not MJML at all: compilation reports it
}

interface MjmlIssue { line: number; message: string; tagName?: string }

/** Compiles with strict validation; returns the problems ("line N: ...") instead of throwing. */
export async function compileMjml(source: string): Promise<{ html: string; problems: string[] }> {
  const include = refusesInclude(source);
  if (include) return { html: '', problems: [include] };
  if (!/<mjml\b/i.test(source)) return { html: '', problems: ['line 1: the body must be an MJML document: <mjml><mj-body>…</mj-body></mjml>'] };
  try {
    const { html, errors } = await mjml2html(source, { validationLevel: 'strict', ignoreIncludes: true, keepComments: false });
    return { html, problems: (errors as MjmlIssue[]).map(describeMjmlIssue) };
  } catch (err) {
    const issues = (err as { errors?: MjmlIssue[] }).errors;
    if (Array.isArray(issues) && issues.length > 0) return { html: '', problems: issues.map(describeMjmlIssue) };
    return { html: '', problems: [(err as Error).message || String(err)] };
  }
}

function describeMjmlIssue(issue: MjmlIssue): string {
  const where = issue.tagName ? ` (<${issue.tagName}>)` : '';
  return `line ${issue.line}: ${issue.message}${where}`;
}
