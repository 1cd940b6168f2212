// What templates are built from: saved content blocks and uploaded images. Thin: the work is
// in ../email-content/.
import { z } from 'zod';
import { deleteBlock, listBlocks, saveBlock } from '../email-content/blocks';
import { listImages, MAX_EMAIL_IMAGE_BYTES, uploadImage } from '../email-content/images';
import { appUrl } from './deps';
import { protectedProcedure, router } from './init';
import { iso } from './time';

const blockId = z.string().min(1).max(100);
/** Base64 of the largest image allowed: a longer text is refused before it is decoded. */
const MAX_BASE64 = Math.ceil(MAX_EMAIL_IMAGE_BYTES / 3) * 4;

export const emailBlocksRouter = router({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await listBlocks(ctx.deps.database.sql, ctx.user.workspaceId)).map((b) => ({ ...b, updatedAt: iso(b.updatedAt) }))),

  /** A new block without an id; with one, that block's new name and content (for later inserts). */
  save: protectedProcedure
    .input(z.object({
      id: blockId.nullable().default(null),
      name: z.string().trim().min(1, 'Give the block a name').max(80, 'A block name is at most 80 characters'),
      mjml: z.string().trim().min(1, 'The block is empty').max(100_000, 'A block is at most 100,000 characters'),
    }))
    .mutation(({ ctx, input }) => saveBlock(ctx.deps.database.sql, ctx.deps.templateSandbox.check, {
      workspaceId: ctx.user.workspaceId, userId: ctx.user.id, now: ctx.deps.clock.now(), ...input,
    })),

  remove: protectedProcedure.input(z.object({ id: blockId })).mutation(async ({ ctx, input }) => {
    await deleteBlock(ctx.deps.database.sql, ctx.user.workspaceId, input.id);
    return { ok: true as const };
  }),
});

export const emailImagesRouter = router({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await listImages(ctx.deps.database.sql, ctx.user.workspaceId, appUrl(ctx.deps))).map((i) => ({ ...i, createdAt: iso(i.createdAt) }))),

  /** The file as base64 (tRPC carries JSON); its bytes decide its type, not its name. */
  upload: protectedProcedure
    .input(z.object({
      name: z.string().max(300, 'A file name is at most 300 characters').default(''),
      file: z.string()
        .max(MAX_BASE64, `The image is over ${MAX_EMAIL_IMAGE_BYTES / 1024 / 1024} MB: make it smaller`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file must be sent as base64'),
    }))
    .mutation(async ({ ctx, input }) => {
      const image = await uploadImage(ctx.deps.database.sql, {
        workspaceId: ctx.user.workspaceId, userId: ctx.user.id, now: ctx.deps.clock.now(), publicUrl: appUrl(ctx.deps),
        name: input.name, bytes: Buffer.from(input.file, 'base64'),
      });
      return { ...image, createdAt: iso(image.createdAt) };
    }),
});
