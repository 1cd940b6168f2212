// Renders the kept emails as the dispatcher would (createJourneyEmailRenderer: the customer's
// language variant, merge data, the run's coupon), in a READ ONLY transaction and at the moment
// the email would have gone. A draft has no pinned templates: a saved template's newest version
// is rendered, in its main language (docs/simulation.md).
import type { Queryable, Sql } from '@afterglow/db';
import { createJourneyEmailRenderer } from '@afterglow/email';
import { newestTemplate } from './sandbox';
import type { PendingSample } from './tally';
import type { RenderedSample } from './types';

export interface RenderScope { workspaceId: string; versionId: string | null }

export async function renderSamples(sql: Sql, scope: RenderScope, samples: PendingSample[]): Promise<RenderedSample[]> {
  if (samples.length === 0) return [];
  return sql.begin('read only', async (tx) => {
    const [ws] = await tx<{ locale: string | null; currency: string | null }[]>`
      select settings->'shop'->>'locale' as locale, settings->'shop'->>'currency' as currency from workspaces where id = ${scope.workspaceId}`;
    const out: RenderedSample[] = [];
    for (const s of samples) out.push(await renderOne(tx, scope, ws ?? { locale: null, currency: null }, s));
    return out;
  }) as Promise<RenderedSample[]>;
}

async function renderOne(tx: Queryable, scope: RenderScope, shop: { locale: string | null; currency: string | null }, s: PendingSample): Promise<RenderedSample> {
  const base = { customerId: s.customer.id, nodeId: s.nodeId, at: s.at.toISOString() };
  try {
    let request = s.request;
    if (!scope.versionId && request.templateId) {
      const t = await newestTemplate(tx, scope.workspaceId, request.templateId);
      request = { ...request, templateId: undefined, subject: t.subject, preheader: t.preheader, body: t.body };
    }
    const trigger = s.run.context.trigger as { name: string; properties?: Record<string, unknown> } | undefined;
    const render = createJourneyEmailRenderer(tx, () => s.at);
    const mail = await render(request, s.customer, trigger ? { name: trigger.name, properties: trigger.properties ?? {} } : null,
      { workspaceId: scope.workspaceId, versionId: scope.versionId ?? '', context: s.run.context, shop, now: s.at });
    return { ...base, locale: mail.locale, subject: mail.subject, html: mail.html, error: null };
  } catch (err) {
    return { ...base, locale: null, subject: '', html: '', error: err instanceof Error ? err.message : String(err) };
  }
}
