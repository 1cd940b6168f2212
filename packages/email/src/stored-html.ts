// The form a rendered email's HTML is stored in (email_outbox.html_deflated): raw deflate at
// zlib's fastest level, made by the worker that rendered it. A 19 kB promotion becomes about
// 4 kB; PostgreSQL stores the bytes out of line as they are (STORAGE EXTERNAL), where its own
// pglz compression of the text cost the database more CPU per email than the rest of the
// email's delivery together, and deflate costs the worker a fraction of that.
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';

export function deflateHtml(html: string): Buffer {
  return deflateRawSync(html, { level: constants.Z_BEST_SPEED });
}

/** The HTML as rendered, from what `deflateHtml` stored. */
export function inflateHtml(stored: Uint8Array): string {
  return inflateRawSync(stored).toString('utf8');
}

