// Email templates. A template is a name and a pointer to its newest version; every save
// writes a new immutable version, so a published journey's email node stays pinned to the
// exact subject and body it was published with while the marketer keeps editing. A version
// holds its text in every language it has (packages/email/src/variants.ts).
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const emailTemplates = pgTable('email_templates', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** The starter it was made from (e.g. 'order-confirmation'), null for a blank template. */
  starter: text('starter'),
  /** 'marketing' | 'transactional': the default for email nodes using the template. */
  kind: text('kind').notNull().default('marketing'),
  latestVersion: integer('latest_version').notNull().default(0),
  /** This template's own sender (from name and address, reply-to; '' = the workspace's), or null for the workspace's whole. */
  sender: jsonb('sender').$type<{ fromName: string; fromAddress: string; replyTo: string }>(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  uniqueIndex('email_templates_name_uq').on(t.workspaceId, t.name),
  index('email_templates_workspace_idx').on(t.workspaceId, t.updatedAt),
]);

/** Never updated or deleted: journey versions point at these rows. */
export const emailTemplateVersions = pgTable('email_template_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  templateId: text('template_id').notNull().references(() => emailTemplates.id),
  version: integer('version').notNull(),
  subject: text('subject').notNull(),
  preheader: text('preheader').notNull().default(''),
  body: text('body').notNull(),
  /**
   * The language of subject, preheader and body ('en' | 'sr' | 'sl' | 'ru'): the template's main
   * language. Kept on the version, so a journey pinned to it reads it as it was written.
   */
  language: text('language').notNull().default('en'),
  /** The other languages' texts: { sr: { subject, preheader, body }, ... } (Serbian in one script). */
  variants: jsonb('variants').$type<Record<string, { subject: string; preheader: string; body: string }>>().notNull().default({}),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [uniqueIndex('email_template_versions_uq').on(t.templateId, t.version)]);
