// The engine's email renderer: resolves a saved template to its pinned version, loads the
// database-backed merge data (loyalty, recommendations) batched across the emails of one
// engine batch, takes the coupon from the run, then personalises the compiled template.
import type { Queryable } from '@afterglow/db';
import { buildMergeData, defaultShop, orderFromProperties, type MergeCustomerInput, type MergeEventInput } from './merge-data';
import { couponFromContext, emptyExtras } from './merge-extras';
import { renderEmail, type RenderedEmail } from './render';
import { createShopExtrasLoader } from './shop-data';
import { createPinnedTemplateCache } from './template-store';

export interface JourneyEmailRequest { subject: string; body: string; preheader?: string; templateId?: string }
export interface JourneyRenderScope { workspaceId: string; versionId: string; context: Record<string, unknown> }

/** `shop` is the fallback for a workspace that has not set its name and https address (Settings). */
export function createJourneyEmailRenderer(sql: Queryable, shop: { name: string; url: string } = defaultShop) {
  const extras = createShopExtrasLoader(sql);
  const pinned = createPinnedTemplateCache(sql);
  return async (
    request: JourneyEmailRequest, customer: MergeCustomerInput, trigger: MergeEventInput | null, scope: JourneyRenderScope,
  ): Promise<RenderedEmail> => {
    const content = request.templateId ? await pinned(scope.workspaceId, scope.versionId, request.templateId) : request;
    const productIds = (orderFromProperties(trigger?.properties ?? {})?.items ?? []).map((i) => i.productId).filter(Boolean);
    const reads = (field: string) => content.body.includes(field) || content.subject.includes(field) || (content.preheader ?? '').includes(field);
    // Most emails read none of it: they cost the batch no query at all. Review links are
    // built on the shop's address, so an email with them reads the shop too.
    const { shopName, shopUrl, ...loaded } = reads('loyalty') || reads('recommendations') || reads('shop') || reads('reviewUrl')
      ? await extras.load({ workspaceId: scope.workspaceId, customerId: customer.id, productIds, recommendations: reads('recommendations') })
      : { ...emptyExtras(), shopName: null, shopUrl: null };
    const data = buildMergeData(customer, trigger, { name: shopName ?? shop.name, url: shopUrl ?? shop.url },
      { ...loaded, coupon: couponFromContext(scope.context) });
    return renderEmail({ subject: content.subject, body: content.body, preheader: content.preheader }, data);
  };
}
