// mjml-browser ships no types: it is MJML's compiler (mjml-core's mjml2html), bundled for browsers.
declare module 'mjml-browser' {
  const mjml2html: (source: string, options?: object) => { html: string; errors: unknown[] };
  export default mjml2html;
}
