// The Reviews page: the list and its counts, publishing and hiding, replies (optionally emailed
// to the customer), and the import of reviews from another app's CSV export.
import { say, text } from '../i18n/catalogue';
import { readReviewCsv } from '../reviews/csv-rows';
import { storeImportedReviews } from '../reviews/import-store';
import { listReviews, reviewSummary } from '../reviews/list';
import { replyToReview, setReviewStatus } from '../reviews/moderate';
import { importSchema, replySchema, reviewFilterSchema, setStatusSchema } from '../reviews/schemas';
import { protectedProcedure, router } from './init';
import { localeOf } from './localize';

/** Row problems returned at most; the count says how many there were. */
const PROBLEMS_SHOWN = 200;

export const reviewsRouter = router({
  list: protectedProcedure.input(reviewFilterSchema).query(({ ctx, input }) =>
    listReviews(ctx.deps.database.sql, ctx.user.workspaceId, input)),

  summary: protectedProcedure.query(({ ctx }) => reviewSummary(ctx.deps.database.sql, ctx.user.workspaceId)),

  setStatus: protectedProcedure.input(setStatusSchema).mutation(({ ctx, input }) =>
    setReviewStatus(ctx.deps.database.sql, ctx.user.workspaceId, input.ids, input.status, ctx.deps.clock.now())),

  reply: protectedProcedure.input(replySchema).mutation(async ({ ctx, input }) => {
    const saved = await replyToReview(ctx.deps.database.sql, ctx.user, input, ctx.deps.clock.now());
    if (saved.outboxId) await ctx.deps.engine.wake();
    return saved;
  }),

  import: protectedProcedure.input(importSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.deps.clock.now();
    const { reviews, problems, rows } = readReviewCsv(input.csv, now);
    const stored = await storeImportedReviews(ctx.deps.database.sql, ctx.user.workspaceId, reviews, now);
    const locale = localeOf(ctx);
    return {
      rows, ...stored, errorCount: problems.length,
      errors: problems.slice(0, PROBLEMS_SHOWN).map((p) => ({ row: p.row, field: p.field, message: say(text(p.message.key, p.message.values), locale) })),
    };
  }),
});
