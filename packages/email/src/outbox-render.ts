// Renders, at send time, the outbox rows a journey step queued: the request the step stored
// (email_contents), the customer as they are now, the run's trigger and context (a coupon
// issued since shows up); then the links are signed and the compliance footer and headers
// added with the workspace's secret (stored sealed). Rendering here, not in the step, keeps the engine's
// batches small and fast and never stores HTML for emails that end up not sent.
import type { Queryable, SecretBox } from '@afterglow/db';
import { prepareForSending } from './compliance/prepare';
import { createJourneyEmailRenderer, type JourneyEmailRequest } from './journey-renderer';
import type { MergeCustomerInput } from './merge-data';
import { reviewPageLinks } from './review-links';
import { rewardsPageUrl } from './rewards-links';

export interface RenderableRow {
  id: string;
  workspace_id: string;
  customer_id: string;
  version_id: string | null;
  kind: 'marketing' | 'transactional';
  request: JourneyEmailRequest & { topic?: string };
  /** The run's context (trigger event, coupon); null when the run is gone. */
  context: { trigger?: { name: string; properties: Record<string, unknown> } } & Record<string, unknown> | null;
  /** The customer now; null when deleted since the email was queued. */
  customer: MergeCustomerInput | null;
  secret: string | null;
  shop_name: string | null;
  /** The shop's default language and currency (workspaces.settings.shop), when set. */
  shop_locale: string | null;
  shop_currency: string | null;
}

export interface RenderedRow {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Targets of the tracked links, in the order of their click tokens' indexes. */
  links: string[];
  /** The locale the email is written in (the template variant, in the customer's script). */
  locale: string;
}

/** A row that cannot be rendered (deleted customer, broken template) fails for good, with this message. */
export class RenderFailure extends Error {}

/** `now` starts the review links' validity (REVIEW_LINK_DAYS) and is when loyalty tiers are computed for. */
export function createOutboxRenderer(sql: Queryable, opts: { publicUrl: () => string; secrets: SecretBox; now: Date }) {
  const render = createJourneyEmailRenderer(sql, () => opts.now);
  return async (row: RenderableRow): Promise<RenderedRow> => {
    if (!row.customer) throw new RenderFailure(`Customer ${row.customer_id} no longer exists`);
    if (!row.secret) throw new RenderFailure(`Workspace ${row.workspace_id} has no signing secret`);
    const trigger = row.context?.trigger ? { name: row.context.trigger.name, properties: row.context.trigger.properties ?? {} } : null;
    const secret = opts.secrets.open(row.secret);
    const linkScope = { publicUrl: opts.publicUrl(), secret, workspaceId: row.workspace_id, customerId: row.customer_id, now: opts.now };
    const reviewPage = reviewPageLinks(linkScope);
    const rewardsPage = () => rewardsPageUrl(linkScope);
    let mail;
    try {
      mail = await render(row.request, row.customer, trigger,
        { workspaceId: row.workspace_id, versionId: row.version_id ?? '', context: row.context ?? {},
          shop: { locale: row.shop_locale, currency: row.shop_currency }, reviewPage, rewardsPage, publicUrl: opts.publicUrl(), now: opts.now });
    } catch (err) {
      throw new RenderFailure(`Could not render the email: ${err instanceof Error ? err.message : String(err)}`);
    }
    const prepared = prepareForSending({
      html: mail.html, text: mail.text, kind: row.kind, topic: row.request.topic, workspaceId: row.workspace_id,
      customerId: row.customer_id, outboxId: row.id, secret, publicUrl: opts.publicUrl(),
      shopName: row.shop_name ?? undefined, locale: mail.locale,
    });
    return { subject: mail.subject, ...prepared, locale: mail.locale };
  };
}
