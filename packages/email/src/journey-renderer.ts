// The engine's email renderer: resolves a saved template to its pinned version, picks the
// customer's language variant (variants.ts), loads the database-backed merge data (loyalty,
// recommendations, the stored order of an event that only names it) batched across the emails
// of one engine batch, takes the coupon from the run, then personalises the compiled template
// in the variant's locale.
import type { Queryable } from '@afterglow/db';
import { buildMergeData, defaultShop, orderFromProperties, type MergeCustomerInput, type MergeEventInput } from './merge-data';
import { couponFromContext, emptyExtras, referralUrl } from './merge-extras';
import { renderEmail, type RenderedEmail } from './render';
import type { ReviewPageLink } from './review-links';
import { createShopExtrasLoader } from './shop-data';
import { createStoredOrderLoader, withStoredOrder } from './stored-orders';
import { createPinnedTemplateCache } from './template-store';
import { languageOf, pickVariant, supportedLocale, type LocalisedTemplate, type ServedText } from './variants';

export interface JourneyEmailRequest { subject: string; body: string; preheader?: string; templateId?: string }
export interface JourneyRenderScope {
  workspaceId: string; versionId: string; context: Record<string, unknown>;
  /** The shop's default language and currency (workspaces.settings.shop); English and euros when unset. */
  shop?: { locale: string | null; currency: string | null };
  /** Signs the hosted review page's links for this customer; without it, review links go to the shop's own form. */
  reviewPage?: ReviewPageLink;
  /** Signs the customer's My rewards link; called only for an email that reads customer.rewardsUrl (else it is ''). */
  rewardsPage?: () => string;
  /** Base of the customer's referral link (AFTERGLOW_PUBLIC_URL); without it, customer.referralUrl is ''. */
  publicUrl?: string;
  /** When the email is rendered: stamps a referral code made for it. */
  now?: Date;
}

/** The email, and the locale it was written in: which variant went out, in which script. */
export type LocalisedEmail = RenderedEmail & { locale: ServedText['locale'] };

/** Content typed into the node itself has one language: the shop's. */
function inlineTemplate(request: JourneyEmailRequest, shopLocale: string | null): LocalisedTemplate {
  const language = languageOf(supportedLocale(shopLocale) ?? 'en');
  return { subject: request.subject, preheader: request.preheader ?? '', body: request.body, language, variants: {} };
}

/**
 * `now`: the moment loyalty tiers are computed for (a rolling window moves with it). `shop` is the
 * fallback for a workspace that has not set its name and https address (Settings).
 */
export function createJourneyEmailRenderer(sql: Queryable, now: () => Date, shop: { name: string; url: string } = defaultShop) {
  const extras = createShopExtrasLoader(sql, now);
  const pinned = createPinnedTemplateCache(sql);
  const storedOrders = createStoredOrderLoader(sql);
  return async (
    request: JourneyEmailRequest, customer: MergeCustomerInput, trigger: MergeEventInput | null, scope: JourneyRenderScope,
  ): Promise<LocalisedEmail> => {
    const shopLocale = scope.shop?.locale ?? null;
    const currency = scope.shop?.currency ?? 'EUR';
    const template = request.templateId ? await pinned(scope.workspaceId, scope.versionId, request.templateId) : inlineTemplate(request, shopLocale);
    const content = pickVariant(template, customer.locale, shopLocale);
    const reads = (field: string) => content.body.includes(field) || content.subject.includes(field) || content.preheader.includes(field);
    // An event that names an order without listing it (a delivery, a review) reads the stored order.
    const orderProperties = trigger && (reads('order') || reads('recommendations') || reads('reviewed'))
      ? await withStoredOrder(trigger.properties, { workspaceId: scope.workspaceId, customerId: customer.id }, storedOrders)
      : trigger?.properties ?? {};
    const productIds = (orderFromProperties(orderProperties)?.items ?? []).map((i) => i.productId).filter(Boolean);
    // Most emails read none of it: they cost the batch no query at all. Review links are
    // built on the shop's address, so an email with them reads the shop too.
    const referral = reads('referral');
    const { shopName, shopUrl, referralCode, ...loaded } = reads('loyalty') || reads('recommendations') || reads('shop') || reads('reviewUrl') || reads('reviewed') || referral
      ? await extras.load({ workspaceId: scope.workspaceId, customerId: customer.id, productIds, recommendations: reads('recommendations'), referral, now: scope.now })
      : { ...emptyExtras(), shopName: null, shopUrl: null, referralCode: null };
    const data = buildMergeData(customer, trigger, { name: shopName ?? shop.name, url: shopUrl ?? shop.url, currency, reviewPage: scope.reviewPage }, {
      ...loaded, coupon: couponFromContext(scope.context), rewardsUrl: reads('rewardsUrl') ? scope.rewardsPage?.() ?? '' : '',
      referral: referralCode ? { code: referralCode, url: scope.publicUrl ? referralUrl(scope.publicUrl, scope.workspaceId, referralCode) : '' } : null,
    }, orderProperties);
    const format = { locale: content.locale, currency: data.order?.currency ?? currency, timeZone: customer.timezone || 'UTC' };
    const email = await renderEmail({ subject: content.subject, body: content.body, preheader: content.preheader }, data, format);
    return { ...email, locale: content.locale };
  };
}
