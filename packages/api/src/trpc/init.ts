// tRPC set-up: the request context (session user from the cookie, client address), the
// refusal of cross-site writes, the one base procedure (which checks every call against the
// permission table and audit-logs what the table marks), and the one place domain errors
// become tRPC errors.
import { SegmentRuleError } from '@afterglow/db';
import { TemplateLimitError } from '@afterglow/email';
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, readCookie, SESSION_COOKIE, userForToken, type SessionUser } from '../auth/index';
import { DomainError, type DomainErrorCode } from '../journeys/errors';
import { recordAudit, summariseInput, targetOf } from '../audit/record';
import type { ApiDeps } from './deps';
import { permissionFor } from './permissions';
import { refuseCrossSiteWrites } from './same-origin';
import { asUnavailable } from './unavailable';

export interface TrpcContext {
  deps: ApiDeps;
  user: SessionUser | null;
  /** The raw session token from the cookie (for logout). */
  sessionToken: string | undefined;
  /** Where the request came from (clientAddress()): the audit log and sign-in throttling. */
  clientAddress: string;
  res: Pick<ServerResponse, 'setHeader' | 'getHeader'>;
}

export async function createContext(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<TrpcContext> {
  refuseCrossSiteWrites(req, deps.publicOrigin);
  const sessionToken = readCookie(req, SESSION_COOKIE);
  const user = await userForToken(deps.database, sessionToken, deps.clock.now());
  return { deps, user, sessionToken, clientAddress: clientAddress(req, deps.trustedProxies ?? 0), res };
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
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Bad input: one entry per field, so forms can show each message beside its field.
        issues: cause instanceof SegmentRuleError ? cause.issues : inputIssues(cause),
        field: cause instanceof DomainError || cause instanceof TemplateLimitError ? cause.field ?? null : null,
        // A refusal to wait for (429): the Retry-After the procedure set, for a page to count down.
        retryAfterSeconds: error.code === 'TOO_MANY_REQUESTS' ? Number(ctx?.res.getHeader('retry-after')) || null : null,
      },
    };
  },
});

const codeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
};

const mapDomainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
  if (cause instanceof SegmentRuleError) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  const unavailable = asUnavailable(ctx.deps.database.availability, cause);
  if (unavailable !== cause) throw unavailable;
  // A template over the sandbox's time or memory limit is bad input; a full sandbox, a moment's wait.
  if (cause instanceof TemplateLimitError) {
    throw new TRPCError({ code: cause.limit === 'busy' ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST', message: cause.message, cause });
  }
  return result;
});

export const router = t.router;

/** Every call is checked against the permission table; a path it does not list is refused. */
const enforcePermissions = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const permission = permissionFor(path);
  if (!permission) throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is not in the permission table` });
  if (permission.roles !== 'public') {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
    if (!permission.roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `User ${ctx.user.email} is a ${ctx.user.role} and cannot call ${path}` });
    }
  }
  const result = await next();
  if (result.ok && permission.audit && type === 'mutation' && ctx.user) {
    const input = await getRawInput().catch(() => undefined);
    await recordAudit(ctx.deps.database.sql, {
      workspaceId: ctx.user.workspaceId, at: ctx.deps.clock.now(), actorId: ctx.user.id, actorEmail: ctx.user.email,
      action: path, targetId: targetOf(input), detail: summariseInput(input), ip: ctx.clientAddress,
    });
  }
  return result;
});

/** Procedures anyone may call (the permission table says 'public'). */
export const publicProcedure = t.procedure.use(mapDomainErrors).use(enforcePermissions);

/** Procedures for signed-in users; which roles, the permission table says. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
