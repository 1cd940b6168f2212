// What templates are built from besides their own MJML: a workspace's saved content blocks
// (a header, a footer, a signature: MJML sections a marketer saved under a name) and the images
// it uploaded for its emails.
//
// A saved block is linked into a template where it is inserted, and expanded into each version
// when the version is made: a template version stays the exact MJML it was saved with, like every
// version, and saving a block makes the next version of every template using it (docs/email.md,
// "Saved blocks").
//
// Images are stored in Postgres itself (no object store or files directory to back up and share
// between machines: the one database holds everything). Each has a random id that is its public
// address (/img/<workspace>/<id>.<ext>), unguessable and never reused, so what one address serves
// never changes and may be cached for ever; the same bytes uploaded twice are one image.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const emailBlocks = pgTable('email_blocks', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  /** One or more body-level MJML elements (mj-section, mj-wrapper, mj-raw): what a link expands to. */
  mjml: text('mjml').notNull(),
  createdBy: text('created_by'),
  updatedBy: text('updated_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('email_blocks_name_uq').on(t.workspaceId, t.name)]);

export const EMAIL_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type EmailImageType = (typeof EMAIL_IMAGE_TYPES)[number];
/** 2 MiB: far above a well-made email picture (most are under 200 KB), far below what mail clients choke on. */
export const MAX_EMAIL_IMAGE_BYTES = 2 * 1024 * 1024;

export const emailImages = pgTable('email_images', {
  workspaceId: text('workspace_id').notNull(),
  /** 22 random base64url characters: the image's address. */
  id: text('id').notNull(),
  /** The uploaded file's name, shown in the image list (never used to decide anything). */
  name: text('name').notNull(),
  contentType: text('content_type').$type<EmailImageType>().notNull(),
  size: integer('size').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** Hex SHA-256 of the bytes: the same file uploaded again is the image already stored. */
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('email_images_sha256_uq').on(t.workspaceId, t.sha256),
  index('email_images_recent_idx').on(t.workspaceId, t.createdAt),
  check('email_images_type_ck', sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/gif', 'image/webp')`),
  check('email_images_size_ck', sql`${t.size} between 1 and ${sql.raw(String(MAX_EMAIL_IMAGE_BYTES))} and ${t.size} = octet_length(${t.bytes})`),
]);
