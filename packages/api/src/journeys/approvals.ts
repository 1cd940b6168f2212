// Publish approval (a workspace setting, off by default): a marketer's publish becomes a
// request holding the draft as it was; a manager, admin or owner approves it (which publishes
// exactly that snapshot, however the draft changed since) or rejects it with a comment. The
// approvers are told of a new request and the requester of the decision, by email.
import type { Queryable } from '@afterglow/db';
import type { GraphIssue } from '@afterglow/journey-core';
import { say, text, type MessageKey, type MessageValues } from '../i18n/catalogue';
import type { Role } from '../auth/roles';
import { mailLocale, shopLocaleOf } from '../team/mail-locale';
import { queueTeamEmail } from '../team/team-mail';
import { appUrl, type ApiDeps } from '../trpc/deps';
import { DomainError, notFound } from './errors';
import { publishIssues, publishJourney, type PublishResult } from './publish';

/** Roles whose publish needs approval when the workspace asks for it. */
const NEEDS_APPROVAL: readonly Role[] = ['marketer'];
export const APPROVERS: readonly Role[] = ['owner', 'admin', 'manager'];

export interface Person { id: string; email: string; name: string; role: Role; workspaceId: string }

export async function approvalRequired(sql: Queryable, workspaceId: string, role: Role): Promise<boolean> {
  if (!NEEDS_APPROVAL.includes(role)) return false;
  const [row] = await sql<{ on: boolean }[]>`select publish_approval as on from workspaces where id = ${workspaceId}`;
  return row?.on ?? false;
}

export type RequestResult = { ok: true; requestId: string } | { ok: false; issues: GraphIssue[] };

async function tellApprovers(sql: Queryable, deps: ApiDeps, requester: Person, journeyName: string, now: Date) {
  const approvers = await sql<{ email: string; locale: string | null }[]>`
    select email, locale from users where workspace_id = ${requester.workspaceId} and role in ${sql(APPROVERS as Role[])}`;
  const shopLocale = await shopLocaleOf(sql, requester.workspaceId);
  for (const { email, locale: own } of approvers) {
    const locale = mailLocale(own, shopLocale);
    const line = (key: MessageKey, values?: MessageValues) => say(text(key, values), locale);
    await queueTeamEmail(sql, {
      workspaceId: requester.workspaceId, to: email, now, locale,
      subject: line('teamMail.approvalAsk.subject', { journey: journeyName }),
      paragraphs: [line('teamMail.approvalAsk.body', { requester: requester.name || requester.email, journey: journeyName }),
        line('teamMail.approvalAsk.review')],
      action: { label: line('teamMail.approvalAsk.action'), url: `${appUrl(deps).replace(/\/$/, '')}/approvals` },
    });
  }
}

/** A request for the journey's current draft, refused at once when the draft could not be published. */
export async function requestPublish(deps: ApiDeps, requester: Person, journeyId: string): Promise<RequestResult> {
  const { sql } = deps.database;
  const [journey] = await sql<{ draft: unknown; name: string }[]>`
    select draft, name from journeys where workspace_id = ${requester.workspaceId} and id = ${journeyId}`;
  if (!journey) throw notFound('journey', journeyId);
  const issues = await publishIssues(deps, requester.workspaceId, journey.draft);
  if (issues.length > 0) return { ok: false, issues };
  const now = deps.clock.now();
  return sql.begin(async (tx) => {
    // A newer request replaces the one still waiting: the approver sees the latest draft.
    await tx`update publish_requests set status = 'withdrawn', decided_at = ${now}
      where journey_id = ${journeyId} and status = 'pending'`;
    const [{ id }] = await tx<{ id: string }[]>`
      insert into publish_requests (workspace_id, journey_id, graph, settings, requested_by, created_at)
      select workspace_id, id, draft, settings, ${requester.id}, ${now} from journeys where id = ${journeyId}
      returning id`;
    await tellApprovers(tx, deps, requester, journey.name, now);
    return { ok: true as const, requestId: id };
  });
}

interface PendingRequest { id: string; journeyId: string; graph: unknown; settings: unknown; requestedBy: string; journeyName: string }

async function lockPending(tx: Queryable, workspaceId: string, id: string): Promise<PendingRequest> {
  const [row] = await tx<(PendingRequest & { status: string })[]>`
    select r.id, r.journey_id as "journeyId", r.graph, r.settings, r.requested_by as "requestedBy", r.status, j.name as "journeyName"
    from publish_requests r join journeys j on j.id = r.journey_id
    where r.workspace_id = ${workspaceId} and r.id = ${id} for update of r`;
  if (!row) throw notFound('publishRequest', id);
  if (row.status !== 'pending') throw new DomainError('CONFLICT', text('approval.alreadyDecided', { status: row.status }), 'id');
  return row;
}

async function tellRequester(tx: Queryable, deps: ApiDeps, request: PendingRequest, decider: Person, verdict: 'approved' | 'rejected', comment: string, now: Date) {
  const [requester] = await tx<{ email: string; locale: string | null }[]>`select email, locale from users where id = ${request.requestedBy}`;
  if (!requester) return;
  const locale = mailLocale(requester.locale, await shopLocaleOf(tx, decider.workspaceId));
  const line = (key: MessageKey, values?: MessageValues) => say(text(key, values), locale);
  await queueTeamEmail(tx, {
    workspaceId: decider.workspaceId, to: requester.email, now, locale,
    subject: line('teamMail.approvalDecided.subject', { verdict, journey: request.journeyName }),
    paragraphs: [line('teamMail.approvalDecided.body', { verdict, decider: decider.name || decider.email, journey: request.journeyName }),
      ...(comment ? [line('teamMail.approvalDecided.comment', { comment })] : [])],
    action: { label: line('teamMail.approvalDecided.action'), url: `${appUrl(deps).replace(/\/$/, '')}/journeys/${request.journeyId}` },
  });
}

export async function decideRequest(
  deps: ApiDeps, decider: Person, id: string, approve: boolean, comment: string,
): Promise<PublishResult | { ok: true; rejected: true }> {
  const now = deps.clock.now();
  return deps.database.sql.begin(async (tx) => {
    const request = await lockPending(tx, decider.workspaceId, id);
    if (!approve) {
      await tx`update publish_requests set status = 'rejected', decided_by = ${decider.id}, comment = ${comment}, decided_at = ${now}
        where id = ${id}`;
      await tellRequester(tx, deps, request, decider, 'rejected', comment, now);
      return { ok: true as const, rejected: true as const };
    }
    // Published outside this transaction (publishing takes its own), while the request row
    // stays locked: nobody can decide it twice meanwhile.
    const published = await publishJourney(deps, request.journeyId, request.requestedBy, { draft: request.graph, settings: request.settings });
    if (!published.ok) return published;
    await tx`update publish_requests set status = 'approved', decided_by = ${decider.id}, comment = ${comment},
      decided_at = ${now}, version_id = ${published.versionId} where id = ${id}`;
    await tellRequester(tx, deps, request, decider, 'approved', comment, now);
    return published;
  });
}

export async function withdrawRequest(sql: Queryable, person: Person, id: string, now: Date): Promise<void> {
  const [row] = await sql`update publish_requests set status = 'withdrawn', decided_at = ${now}
    where workspace_id = ${person.workspaceId} and id = ${id} and status = 'pending' and requested_by = ${person.id} returning id`;
  if (!row) throw new DomainError('NOT_FOUND', text('approval.noPendingRequest', { id }), 'id');
}
