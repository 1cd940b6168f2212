// Request bodies sent compressed: RudderStack's and other Segment-compatible SDKs send
// `Content-Encoding: gzip` by default. The size limit holds for the decompressed body too,
// and decompression stops the moment it would pass it, so a small zip bomb costs no memory.
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { HttpError, MAX_BODY_BYTES, readBody } from './http-io';

const GZIP = new Set(['gzip', 'x-gzip']);

function gunzipWithin(compressed: Buffer, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(compressed, { maxOutputLength: limit }, (err, body) => {
      if (!err) return resolve(body);
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return reject(new HttpError(413, `Request body is larger than ${limit / 1024} KB once decompressed`));
      }
      reject(new HttpError(400, 'Body is not a valid gzip stream (Content-Encoding: gzip)', [{ path: '(body)', message: err.message }]));
    });
  });
}

/** The body as sent, or decompressed when its Content-Encoding is gzip; 415 for any other encoding. */
export async function readEncodedBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const header = req.headers['content-encoding']?.trim().toLowerCase() ?? '';
  if (header === '' || header === 'identity') return readBody(req, limit);
  if (!GZIP.has(header)) {
    throw new HttpError(415, `Content-Encoding ${header.slice(0, 50)} is not supported; send gzip or no encoding`,
      [{ path: 'Content-Encoding', message: 'must be gzip or identity' }]);
  }
  return gunzipWithin(await readBody(req, limit), limit);
}
