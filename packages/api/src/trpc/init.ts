// tRPC set-up: the request context (session user from the cookie, client address), the
// refusal of cross-site writes, the input policy every procedure's raw input is held to, the
// one base procedure (which checks every call against the permission table and audit-logs what
// the table marks), and the one place domain errors become tRPC errors (and unexpected ones a
// bare 500 with the request id: no message, stack or file path of the server's), said in the
// caller's language (localize.ts).
import { SegmentRuleError } from '@afterglow/db';
import { TemplateLimitError } from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, readCookie, SESSION_COOKIE, userForToken, type SessionUser } from '../auth/index';
import { recordAudit, summariseInput, targetOf } from '../audit/record';
import { text } from '../i18n/catalogue';
import { requestedLocale, withLocale } from '../i18n/request-locale';
import { speakZodInCallersLanguage } from '../i18n/zod-messages';
import { SettingsInvalid } from '../integrations/errors';
import { inputIssues, type InputIssue } from '../input-policy/index';
import { DomainError, type DomainErrorCode } from '../journeys/errors';
import { currentRequestId } from '../request-id';
import type { ApiDeps } from './deps';
import { localeOf, localizedIssues, localizedMessage, type FieldIssue } from './localize';
import { permissionFor } from './permissions';
import { Refusal } from './refusal';
import { refuseCrossSiteWrites } from './same-origin';
import { asUnavailable } from './unavailable';

export interface TrpcContext {
  deps: ApiDeps;
  user: SessionUser | null;
  /** The raw session token from the cookie (for logout). */
  sessionToken: string | undefined;
  /** Where the request came from (clientAddress()): the audit log and sign-in throttling. */
  clientAddress: string;
  /** The language the request asks for (Accept-Language); a signed-in user's own wins (localeOf). */
  locale?: Locale;
  res: Pick<ServerResponse, 'setHeader' | 'getHeader'>;
}

export async function createContext(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<TrpcContext> {
  refuseCrossSiteWrites(req, deps.publicOrigin);
  const sessionToken = readCookie(req, SESSION_COOKIE);
  const user = await userForToken(deps.database, sessionToken, deps.clock.now());
  const locale = requestedLocale(req.headers['accept-language']);
  return { deps, user, sessionToken, clientAddress: clientAddress(req, deps.trustedProxies ?? 0), locale, res };
}

function issuesOf(cause: unknown): FieldIssue[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((i: { path?: PropertyKey[]; message?: string }) => ({
    field: (i.path ?? []).map((p) => (typeof p === 'object' ? String((p as { key: unknown }).key) : String(p))).join('.'),
    message: String(i.message ?? 'Invalid value'),
  }));
}

/** Raw input the input policy refused (NUL, unpaired surrogates, nesting past 64). */
class RefusedInput extends Error {
  readonly issues: FieldIssue[];
  constructor(found: InputIssue[]) {
    super(`Input refused: ${found.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.issues = found.map((i) => ({ field: i.path, message: i.message }));
  }
}

speakZodInCallersLanguage();

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const locale = localeOf(ctx);
    // tRPC adds the stack in development; a response never carries one.
    const { stack: _stack, ...data } = shape.data;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    // Logged with the stack under this id (handler.ts); the client gets only the id.
    const requestId = internal ? currentRequestId() ?? null : null;
    return {
      ...shape,
      message: internal ? `Internal error${requestId ? ` (request id ${requestId})` : ''}` : localizedMessage(error, shape.message, locale),
      data: {
        ...data,
        // Bad input: one entry per field, so forms can show each message beside its field.
        issues: localizedIssues(cause instanceof SegmentRuleError || cause instanceof RefusedInput ? cause.issues : internal ? null : issuesOf(cause), locale),
        field: cause instanceof DomainError || cause instanceof TemplateLimitError ? cause.field ?? null : null,
        // A refusal to wait for (429): the Retry-After the procedure set, for a page to count down.
        retryAfterSeconds: error.code === 'TOO_MANY_REQUESTS' ? Number(ctx?.res.getHeader('retry-after')) || null : null,
        requestId,
      },
    };
  },
});

/** The whole call speaks the caller's language (zod's messages are written while the input parses). */
const speakCallersLanguage = t.middleware(({ ctx, next }) => withLocale(localeOf(ctx), next));

/** Every procedure's raw input, before its own schema reads it (a schema's recursion could overflow on it). */
const inputPolicy = t.middleware(async ({ getRawInput, next }) => {
  const found = inputIssues(await getRawInput());
  if (found.length > 0) throw new Refusal('BAD_REQUEST', text('input.refused'), new RefusedInput(found));
  return next();
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
  if (cause instanceof SettingsInvalid) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
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
    if (!ctx.user) throw new Refusal('UNAUTHORIZED', text('auth.signInRequired'));
    if (!permission.roles.includes(ctx.user.role)) {
      throw new Refusal('FORBIDDEN', text('auth.roleRefused', { email: ctx.user.email, role: ctx.user.role, path }));
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
export const publicProcedure = t.procedure.use(speakCallersLanguage).use(inputPolicy).use(mapDomainErrors).use(enforcePermissions);

/** Procedures for signed-in users; which roles, the permission table says. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new Refusal('UNAUTHORIZED', text('auth.signInRequired'));
  return next({ ctx: { ...ctx, user: ctx.user } });
});
