// A review's photo: its type decided by its first bytes (the name and the type the browser
// declared are the customer's to choose, so they decide nothing), and its public address. The
// address is content-addressed: /reviews/<workspace>/photos/<review id>/<sha256>.<ext>; a new
// photo gets a new address, so what one address serves never changes and may be cached for ever.
import { MAX_REVIEW_PHOTO_BYTES, type ReviewPhotoType } from '@afterglow/db';
import { createHash } from 'node:crypto';

export { MAX_REVIEW_PHOTO_BYTES };

const EXTENSIONS: Record<ReviewPhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

// Signatures as latin1 text: one character per byte.
const has = (bytes: Buffer, at: number, signature: string) => bytes.toString('latin1', at, at + signature.length) === signature;

/** JPEG, PNG or WebP by their magic bytes; null for anything else (a renamed file included). */
export function photoType(bytes: Buffer): ReviewPhotoType | null {
  if (has(bytes, 0, '\xff\xd8\xff')) return 'image/jpeg';
  if (has(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (has(bytes, 0, 'RIFF') && has(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

export interface PhotoUpload { bytes: Buffer; contentType: ReviewPhotoType; sha256: string }

export const photoUpload = (bytes: Buffer, contentType: ReviewPhotoType): PhotoUpload =>
  ({ bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') });

/** What reviews.photo_ref holds: the file name of the current photo. */
export const photoRef = (photo: PhotoUpload): string => `${photo.sha256}.${EXTENSIONS[photo.contentType]}`;

/** The type a file name's extension stands for (the name in a photo's address). */
export const typeOfRef = (ref: string): ReviewPhotoType | null =>
  (Object.entries(EXTENSIONS).find(([, ext]) => ref.endsWith(`.${ext}`))?.[0] as ReviewPhotoType | undefined) ?? null;

/** The photo's path on this server (absolute with the public URL in front). */
export const photoPath = (workspaceId: string, reviewId: string, ref: string): string =>
  `/reviews/${encodeURIComponent(workspaceId)}/photos/${reviewId}/${ref}`;
