// What an uploaded email image is, read from its own bytes: the type from its signature (the
// file's name and the type the browser declared are the uploader's to choose, so they decide
// nothing) and its size in pixels from its header. A file with a picture's signature but no
// readable header is no picture a mail client could show, and is refused like any other file.
import type { EmailImageType } from '@afterglow/db';

export interface ImageFacts { contentType: EmailImageType; width: number; height: number }

/** Past this many pixels a side, no email needs it and some clients give up decoding it. */
export const MAX_IMAGE_SIDE = 8_000;

// Signatures as latin1 text: one character per byte.
const has = (bytes: Buffer, at: number, signature: string) => bytes.toString('latin1', at, at + signature.length) === signature;

function png(bytes: Buffer): ImageFacts | null {
  if (bytes.length < 24 || !has(bytes, 12, 'IHDR')) return null;
  return { contentType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function gif(bytes: Buffer): ImageFacts | null {
  if (bytes.length < 10) return null;
  return { contentType: 'image/gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
}

/** Walks the JPEG's segments to the first frame header (SOFn), which holds the size. */
function jpeg(bytes: Buffer): ImageFacts | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) { at += 1; continue; } // fill byte
    const length = bytes.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { contentType: 'image/jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webp(bytes: Buffer): ImageFacts | null {
  if (bytes.length < 30) return null;
  const facts = (width: number, height: number): ImageFacts => ({ contentType: 'image/webp', width, height });
  if (has(bytes, 12, 'VP8 ')) return facts(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
  if (has(bytes, 12, 'VP8L')) {
    const b = bytes.subarray(21, 25);
    return facts(1 + (((b[1] & 0x3f) << 8) | b[0]), 1 + (((b[3] & 0x0f) << 10) | (b[2] << 2) | ((b[1] & 0xc0) >> 6)));
  }
  if (has(bytes, 12, 'VP8X')) return facts(1 + bytes.readUIntLE(24, 3), 1 + bytes.readUIntLE(27, 3));
  return null;
}

/** PNG, JPEG, GIF or WebP with a readable size; null for anything else (a renamed file included). */
export function readImage(bytes: Buffer): ImageFacts | null {
  const facts = has(bytes, 0, '\x89PNG\r\n\x1a\n') ? png(bytes)
    : has(bytes, 0, '\xff\xd8\xff') ? jpeg(bytes)
    : has(bytes, 0, 'GIF87a') || has(bytes, 0, 'GIF89a') ? gif(bytes)
    : has(bytes, 0, 'RIFF') && has(bytes, 8, 'WEBP') ? webp(bytes)
    : null;
  return facts && facts.width > 0 && facts.height > 0 ? facts : null;
}

const EXTENSIONS: Record<EmailImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** The type an address's extension stands for. */
export const typeOfExtension = (ext: string): EmailImageType | null =>
  (Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0] as EmailImageType | undefined) ?? null;

/** The image's path on this server (absolute with the public URL in front). */
export const imagePath = (workspaceId: string, id: string, type: EmailImageType): string =>
  `/img/${encodeURIComponent(workspaceId)}/${id}.${EXTENSIONS[type]}`;
