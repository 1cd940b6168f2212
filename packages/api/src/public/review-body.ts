// The review form as it arrives: urlencoded (a form without a file input, as the page was
// before photos) or multipart/form-data (the page's form, with a photo field per product).
// Multipart is parsed by the platform's own WHATWG parser (Node's fetch: Response.formData()),
// once the body was read under a hard cap (readBody: a larger one is a 413), so no parser
// dependency and no partial file ever reaches the disk.
import type { IncomingMessage } from 'node:http';
import { readBody } from '../ingest/http-io';
import { MAX_REVIEW_PHOTO_BYTES } from './review-photo';

// A dozen products with a full text each, and room for the form's names.
export const FORM_LIMIT = 128 * 1024;
/** Four full-size photos at once (the others can follow: a resubmission keeps the photos sent before). */
export const UPLOAD_LIMIT = 4 * MAX_REVIEW_PHOTO_BYTES + FORM_LIMIT;

export interface PostedForm {
  /** The text fields, as the urlencoded form would have them. */
  fields: URLSearchParams;
  /** The files chosen, by field name (a file input left empty sends nothing here). */
  files: Map<string, Buffer>;
  /** A multipart body that does not parse: nothing in it can be trusted. */
  malformed: boolean;
}

const isMultipart = (type: string) => /^multipart\/form-data\s*;/i.test(type);

export async function readReviewForm(req: IncomingMessage): Promise<PostedForm> {
  const type = req.headers['content-type'] ?? '';
  const body = await readBody(req, isMultipart(type) ? UPLOAD_LIMIT : FORM_LIMIT);
  const posted: PostedForm = { fields: new URLSearchParams(), files: new Map(), malformed: false };
  if (!isMultipart(type)) return { ...posted, fields: new URLSearchParams(body.toString('utf8')) };
  let data: FormData;
  try {
    // readBody's Buffer.concat allocates a plain ArrayBuffer (never a shared one): no copy needed.
    data = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  } catch {
    return { ...posted, malformed: true };
  }
  for (const [name, value] of data) {
    // An empty file input comes as a part without a file name: the same as not choosing.
    if (typeof value === 'string') posted.fields.append(name, value);
    else if (value.size > 0) posted.files.set(name, Buffer.from(await value.arrayBuffer()));
    else posted.fields.append(name, '');
  }
  return posted;
}
