// tRPC set-up: the request context (session user from the cookie), the procedure kinds
// (public, signed-in, editor), and the one place domain errors become tRPC errors.
import { SegmentRuleError } from '@afterglow/db';
import { TemplateLimitError } from '@afterglow/email';
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookie, SESSION_COOKIE, userForToken, type SessionUser } from '../auth/index';
import { DomainError, type DomainErrorCode } from '../journeys/errors';
import type { ApiDeps } from './deps';

export interface TrpcContext {
  deps: ApiDeps;
  user: SessionUser | null;
  /** The raw session token from the cookie (for logout). */
  sessionToken: string | undefined;
  res: Pick<ServerResponse, 'setHeader' | 'getHeader'>;
}

export async function createContext(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<TrpcContext> {
  const sessionToken = readCookie(req, SESSION_COOKIE);
  const user = await userForToken(deps.database, sessionToken, deps.clock.now());
  return { deps, user, sessionToken, res };
}

interface FieldIssue { field: string; message: string }

function inputIssues(cause: unknown): FieldIssue[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((i: { path?: PropertyKey[]; message?: string }) => ({
    field: (i.path ?? []).map((p) => (typeof p === 'object' ? String((p as { key: unknown }).key) : String(p))).join('.'),
    message: String(i.message ?? 'Invalid value'),
  }));
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Bad input: one entry per field, so forms can show each message beside its field.
        issues: cause instanceof SegmentRuleError ? cause.issues : inputIssues(cause),
        field: cause instanceof DomainError || cause instanceof TemplateLimitError ? cause.field ?? null : null,
      },
    };
  },
});

const codeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
};

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
  if (cause instanceof SegmentRuleError) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  // A template over the sandbox's time or memory limit is bad input; a full sandbox, a moment's wait.
  if (cause instanceof TemplateLimitError) {
    throw new TRPCError({ code: cause.limit === 'busy' ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST', message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Changes to journeys and segments: owners and marketers, not viewers. */
export const editorProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === 'viewer') {
    throw new TRPCError({ code: 'FORBIDDEN', message: `User ${ctx.user.email} is a viewer and cannot make changes` });
  }
  return next();
});
