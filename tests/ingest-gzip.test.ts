// Gzip-compressed bodies on /v1/* (RudderStack's and other Segment-compatible SDKs send
// them by default): stored like plain ones; the size limit holds after decompression, so a
// zip bomb is a 413 naming the limit; a broken gzip stream is a 400; other encodings a 415.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth, KEY, startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());
beforeEach(() => h.reset());

async function postEncoded(path: string, body: Buffer, encoding: string) {
  const res = await fetch(h.base + path, {
    method: 'POST', body: new Uint8Array(body),
    headers: { 'content-type': 'application/json', 'content-encoding': encoding, authorization: basicAuth(KEY) },
  });
  return { status: res.status, json: await res.json() as { error?: string; issues?: Array<{ path: string }> } };
}
const gz = (value: unknown) => gzipSync(JSON.stringify(value));
const batch = (ids: string[]) => ({ batch: ids.map((id) => ({ type: 'track', userId: 'cust_gz', event: 'Product Viewed', messageId: id })) });

describe('Content-Encoding: gzip', () => {
  it('a gzipped batch is stored like a plain one', async () => {
    const res = await postEncoded('/v1/batch', gz(batch(['gz-1', 'gz-2'])), 'gzip');
    expect(res).toEqual({ status: 200, json: { success: true } });
    expect(h.stored.flat().map((e) => e.messageId)).toEqual(['gz-1', 'gz-2']);
  });

  it('x-gzip is gzip', async () => {
    const res = await postEncoded('/v1/track', gz({ userId: 'cust_gz', event: 'Product Viewed', messageId: 'gz-3' }), 'x-gzip');
    expect(res.status).toBe(200);
  });

  it('a zip bomb (10 MB of zeros in a few KB) is refused with 413 naming the limit, nothing stored', async () => {
    const before = await h.counts();
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"batch":[],"pad":"'), Buffer.alloc(10 * 1024 * 1024, 48), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(512 * 1024);
    const res = await postEncoded('/v1/batch', bomb, 'gzip');
    expect(res.status).toBe(413);
    expect(res.json.error).toContain('512 KB');
    expect(await h.counts()).toEqual(before);
  });

  it('a body that is not gzip, or is cut short, is a 400 naming the body', async () => {
    const whole = gz(batch(['gz-4']));
    for (const body of [Buffer.from(JSON.stringify(batch(['gz-5']))), whole.subarray(0, whole.length - 12)]) {
      const res = await postEncoded('/v1/batch', body, 'gzip');
      expect(res.status).toBe(400);
      expect(res.json.issues?.map((i) => i.path)).toEqual(['(body)']);
    }
    expect(h.stored).toEqual([]);
  });

  it('another encoding is a 415 naming Content-Encoding', async () => {
    const res = await postEncoded('/v1/batch', gz(batch(['gz-6'])), 'br');
    expect(res.status).toBe(415);
    expect(res.json.issues?.map((i) => i.path)).toEqual(['Content-Encoding']);
  });
});
