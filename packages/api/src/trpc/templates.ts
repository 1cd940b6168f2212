// The Templates page: list, starters, the editor's load/save, live preview with a real
// customer's data, and test sends. Thin: the work is in ../templates/.
import { STARTER_TEMPLATES, starterTitle, type TemplateVariants } from '@afterglow/email';
import { LOCALES } from '@afterglow/i18n';
import { senderIdentitySchema } from '@afterglow/journey-core';
import { z } from 'zod';
import { templateContent, toLocalised } from '../templates/content';
import { expandTemplateLinks, foldTemplateLinks } from '../templates/linked-content';
import { createTemplate, getTemplate, localised, saveTemplate, starterVariants, templateUses } from '../templates/repository';
import { templatePage, templatePageInput } from '../templates/list-page';
import { previewFor } from '../templates/preview';
import { localeOf } from './localize';
import { assertTestRecipient, testRecipients } from '../templates/test-recipients';
import { queueTestEmail } from '../templates/test-send';
import { saveTemplateSender, templateSender } from '../templates/sender';
import { appUrl } from './deps';
import { protectedProcedure, router } from './init';
import { iso } from './time';

const templateId = z.string().min(1).max(100);
const customerId = z.string().min(1, 'Choose a customer').max(200);
/** The variant to show: a locale (Serbian in either script), or null for the one the customer would get. */
const locale = z.enum(LOCALES, 'Preview in en, sr-Cyrl, sr-Latn, sl or ru').nullable().default(null);

/** A missing block's problem as the preview's issues say it (in the body; the editor shows the variant it is in). */
const bodyIssues = (issues: { message: string }[]) => issues.map((i) => ({ field: 'body' as const, message: i.message }));

export const templatesRouter = router({
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<{
      id: string; name: string; description: string; starter: string | null; kind: string; version: number; subject: string; updatedAt: Date;
      languages: string[];
    }[]>`
      select t.id, t.name, t.description, t.starter, t.kind, t.latest_version as version, v.subject, t.updated_at as "updatedAt",
        array[v.language] || array(select jsonb_object_keys(v.variants)) as languages
      from email_templates t join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
      where t.workspace_id = ${ctx.user.workspaceId} order by t.updated_at desc, t.name`;
    const uses = await templateUses(ctx.deps.database.sql, ctx.user.workspaceId, null);
    return rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt), journeys: uses.filter((u) => u.templateId === r.id).length }));
  }),

  /** The Templates page: searched, sorted and paged (list stays whole for pickers). */
  page: protectedProcedure.input(templatePageInput).query(({ ctx, input }) =>
    templatePage(ctx.deps.database.sql, ctx.user.workspaceId, input)),

  starters: protectedProcedure.query(({ ctx }) =>
    STARTER_TEMPLATES.map((starter) => {
      const { key, kind, subject } = starter;
      return { key, ...starterTitle(starter, localeOf(ctx)), kind, subject, languages: ['en', ...Object.keys(starterVariants(starter))] };
    })),

  get: protectedProcedure.input(z.object({ id: templateId })).query(async ({ ctx, input }) => {
    // As the editor edits it: saved blocks as links, not their content at this version.
    const t = foldTemplateLinks(await getTemplate(ctx.deps.database.sql, ctx.user.workspaceId, input.id));
    const usedBy = (await templateUses(ctx.deps.database.sql, ctx.user.workspaceId, input.id))
      .map(({ journeyId, name, status }) => ({ journeyId, name, status }));
    return { ...t, updatedAt: iso(t.updatedAt), usedBy };
  }),

  /** Every saved version, newest first: what changed when, and by whom. */
  versions: protectedProcedure.input(z.object({ id: templateId })).query(async ({ ctx, input }) => {
    await getTemplate(ctx.deps.database.sql, ctx.user.workspaceId, input.id); // NOT_FOUND across workspaces
    const rows = await ctx.deps.database.sql<{
      version: number; subject: string; preheader: string; body: string; language: string; variants: TemplateVariants; createdAt: Date; author: string | null;
    }[]>`
      select v.version, v.subject, v.preheader, v.body, v.language, v.variants, v.created_at as "createdAt", coalesce(nullif(u.name, ''), u.email) as author
      from email_template_versions v left join users u on u.id = v.created_by
      where v.workspace_id = ${ctx.user.workspaceId} and v.template_id = ${input.id}
      order by v.version desc`;
    return rows.map((r) => ({ ...foldTemplateLinks(localised(r)), createdAt: iso(r.createdAt) }));
  }),

  create: protectedProcedure
    .input(z.object({ name: z.string().trim().max(200).optional(), starter: z.string().max(100).optional() }))
    .mutation(({ ctx, input }) => createTemplate(ctx.deps.database.sql, {
      workspaceId: ctx.user.workspaceId, userId: ctx.user.id, now: ctx.deps.clock.now(), locale: localeOf(ctx), ...input,
    })),

  /** Refused with every problem and its line when the template is broken; else a new version. */
  save: protectedProcedure
    .input(templateContent({
      id: templateId,
      name: z.string().trim().min(1, 'Give the template a name').max(200),
      kind: z.enum(['marketing', 'transactional']),
    }))
    .mutation(async ({ ctx, input }) => {
      const kept = input.language && input.variants ? undefined : await getTemplate(ctx.deps.database.sql, ctx.user.workspaceId, input.id);
      return saveTemplate(ctx.deps.database.sql, ctx.deps.templateSandbox.check, {
        workspaceId: ctx.user.workspaceId, userId: ctx.user.id, now: ctx.deps.clock.now(), locale: localeOf(ctx),
        id: input.id, name: input.name, kind: input.kind, content: toLocalised(input, kept),
      });
    }),

  /** The template's own sender, or null when the workspace's applies. */
  sender: protectedProcedure.input(z.object({ id: templateId })).query(({ ctx, input }) =>
    templateSender(ctx.deps.database.sql, ctx.user.workspaceId, input.id)),

  saveSender: protectedProcedure.input(z.object({ id: templateId, sender: senderIdentitySchema.nullable() }))
    .mutation(({ ctx, input }) => saveTemplateSender(ctx.deps.database.sql, ctx.user.workspaceId, input.id, input.sender, ctx.deps.clock.now())),

  /** Customers to preview with: those with an email, most recent buyers first. */
  previewCustomers: protectedProcedure
    .input(z.object({ search: z.string().max(200).default('') }).default({ search: '' }))
    .query(async ({ ctx, input }) => {
      const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return ctx.deps.database.sql<{ id: string; name: string; email: string; lastOrderAt: string | null }[]>`
        select c.id, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as name, c.email,
               to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD') as "lastOrderAt"
        from customers c
        left join lateral (select placed_at from orders where workspace_id = c.workspace_id and customer_id = c.id
          order by placed_at desc limit 1) o on true
        where c.workspace_id = ${ctx.user.workspaceId} and c.email is not null
          and (${input.search} = '' or c.email ilike ${like} or c.first_name ilike ${like} or c.last_name ilike ${like} or c.id ilike ${like})
        order by o.placed_at desc nulls last, c.id
        limit 50`;
    }),

  preview: protectedProcedure
    .input(templateContent({ customerId, locale }))
    .query(async ({ ctx, input }) => {
      const linked = await expandTemplateLinks(ctx.deps.database.sql, ctx.user.workspaceId, toLocalised(input), localeOf(ctx));
      if (linked.issues.length) return { ok: false as const, issues: bodyIssues(linked.issues), locale: input.locale ?? localeOf(ctx) };
      const { request, data, locale: shown } = await previewFor(ctx.deps.database.sql, ctx.user.workspaceId, input.customerId,
        ctx.deps.clock.now(), linked.template, input.locale, appUrl(ctx.deps));
      return { ...await ctx.deps.templateSandbox.preview(request, data), locale: shown };
    }),

  /** Where a test may go: the workspace's users and the addresses the owner approved. */
  testRecipients: protectedProcedure.query(({ ctx }) => testRecipients(ctx.deps.database.sql, ctx.user.workspaceId)),

  sendTest: protectedProcedure
    .input(templateContent({ customerId, locale, to: z.email('Enter an email address to send the test to'), templateId: templateId.nullable().default(null) }))
    .mutation(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      await assertTestRecipient(sql, ctx.user.workspaceId, input.to);
      const linked = await expandTemplateLinks(sql, ctx.user.workspaceId, toLocalised(input), localeOf(ctx));
      if (linked.issues.length) return { ok: false as const, issues: bodyIssues(linked.issues) };
      const { request, data, locale: shown } = await previewFor(sql, ctx.user.workspaceId, input.customerId, ctx.deps.clock.now(), linked.template, input.locale, appUrl(ctx.deps));
      const preview = await ctx.deps.templateSandbox.preview(request, data);
      if (!preview.ok || preview.issues.length) return { ok: false as const, issues: preview.issues };
      const queued = await queueTestEmail(sql, {
        workspaceId: ctx.user.workspaceId, customerId: input.customerId, to: input.to, email: preview.email,
        templateId: input.templateId, now: ctx.deps.clock.now(), locale: shown,
      });
      await ctx.deps.engine.wake();
      return { ok: true as const, ...queued };
    }),
});
