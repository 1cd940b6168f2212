// The workspace's email images: an upload checked by its bytes (type, size in bytes and pixels)
// and stored in Postgres; the list the editors offer for reuse. The same bytes uploaded again
// are the image already stored (its address stays what it was).
import { MAX_EMAIL_IMAGE_BYTES, type EmailImageType, type Queryable } from '@afterglow/db';
import { createHash, randomBytes } from 'node:crypto';
import { text } from '../i18n/catalogue';
import { DomainError } from '../journeys/errors';
import { imagePath, MAX_IMAGE_SIDE, readImage } from './image-file';

export { MAX_EMAIL_IMAGE_BYTES };

export interface EmailImage { id: string; name: string; contentType: EmailImageType; size: number; width: number; height: number; url: string; createdAt: Date }

interface ImageRow { id: string; name: string; contentType: EmailImageType; size: number; width: number; height: number; createdAt: Date }

const withUrl = (workspaceId: string, publicUrl: string) => (row: ImageRow): EmailImage =>
  ({ ...row, url: `${publicUrl.replace(/\/+$/, '')}${imagePath(workspaceId, row.id, row.contentType)}` });

/** A file name as shown in the list: no path, at most 120 characters, never empty. */
const displayName = (name: string) => name.replace(/^.*[\\/]/, '').trim().slice(0, 120) || 'image';

export async function uploadImage(sql: Queryable, opts: {
  workspaceId: string; userId: string | null; now: Date; publicUrl: string; name: string; bytes: Buffer;
}): Promise<EmailImage> {
  if (opts.bytes.length === 0) throw new DomainError('INVALID', text('image.empty'), 'file');
  if (opts.bytes.length > MAX_EMAIL_IMAGE_BYTES) {
    throw new DomainError('INVALID', text('image.tooLarge', { megabytes: MAX_EMAIL_IMAGE_BYTES / 1024 / 1024 }), 'file');
  }
  const facts = readImage(opts.bytes);
  if (!facts) throw new DomainError('INVALID', text('image.notAnImage'), 'file');
  if (facts.width > MAX_IMAGE_SIDE || facts.height > MAX_IMAGE_SIDE) {
    throw new DomainError('INVALID', text('image.tooWide', { pixels: MAX_IMAGE_SIDE }), 'file');
  }
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  const id = randomBytes(16).toString('base64url');
  // On a repeat upload the stored row answers (the no-op update lets `returning` give it back).
  const [row] = await sql<ImageRow[]>`
    insert into email_images (workspace_id, id, name, content_type, size, width, height, sha256, bytes, created_by, created_at)
    values (${opts.workspaceId}, ${id}, ${displayName(opts.name)}, ${facts.contentType}, ${opts.bytes.length}, ${facts.width}, ${facts.height},
      ${sha256}, ${opts.bytes}, ${opts.userId}, ${opts.now})
    on conflict (workspace_id, sha256) do update set sha256 = excluded.sha256
    returning id, name, content_type as "contentType", size, width, height, created_at as "createdAt"`;
  return withUrl(opts.workspaceId, opts.publicUrl)(row);
}

/** The newest images first (without their bytes). */
export async function listImages(sql: Queryable, workspaceId: string, publicUrl: string, limit = 200): Promise<EmailImage[]> {
  const rows = await sql<ImageRow[]>`
    select id, name, content_type as "contentType", size, width, height, created_at as "createdAt"
    from email_images where workspace_id = ${workspaceId}
    order by created_at desc, id limit ${limit}`;
  return rows.map(withUrl(workspaceId, publicUrl));
}
