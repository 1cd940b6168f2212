// The blocks a marketer drags into the visual editor: MJML fragments the renderer already knows
// (the starters' look: violet buttons, white cards), and shop blocks whose Liquid reads the same
// merge data as the starters (order items, the issued coupon, the loyalty balance). Void MJML
// tags are written with closing tags: GrapesJS parses content as HTML, where `<mj-image />` would
// swallow its siblings. Words come from the `email-editor` catalogue in the user's language.
import type { TFunction } from 'i18next';

const BRAND = '#7c3aed';
/** Shown until the marketer sets an image: a local picture, so an offline canvas is never broken. */
export const IMAGE_PLACEHOLDER = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><rect width="600" height="240" fill="#ede9fe"/><path d="M250 160l40-50 30 35 20-20 40 35z" fill="#c4b5fd"/><circle cx="350" cy="95" r="14" fill="#c4b5fd"/></svg>')}`;

export interface EmailBlock { id: string; category: 'content' | 'layout' | 'shop'; icon: string; content: string }

const section = (columns: string) => `<mj-section background-color="#ffffff" padding="16px 24px">${columns}</mj-section>`;
const column = (content: string, width?: string) => `<mj-column${width ? ` width="${width}"` : ''}>${content}</mj-column>`;

export function emailBlocks(t: TFunction<'email-editor'>): EmailBlock[] {
  const text = (key: string) => `<mj-text>${t(key)}</mj-text>`;
  return [
    { id: 'text', category: 'content', icon: 'message', content: text('sample.text') },
    { id: 'image', category: 'content', icon: 'layout', content: `<mj-image src="${IMAGE_PLACEHOLDER}" alt="" border-radius="8px"></mj-image>` },
    { id: 'button', category: 'content', icon: 'play', content: `<mj-button href="{{ shop.url }}" background-color="${BRAND}" border-radius="6px" font-weight="bold">${t('sample.button')}</mj-button>` },
    { id: 'divider', category: 'content', icon: 'split', content: '<mj-divider border-color="#e4e4e7" border-width="1px"></mj-divider>' },
    { id: 'spacer', category: 'content', icon: 'hourglass', content: '<mj-spacer height="24px"></mj-spacer>' },
    { id: 'social', category: 'content', icon: 'megaphone', content: `<mj-social font-size="13px" icon-size="24px" mode="horizontal" align="center">${
      ['instagram', 'facebook', 'youtube'].map((n) => `<mj-social-element name="${n}" href="{{ shop.url }}/${n}">${n[0].toUpperCase()}${n.slice(1)}</mj-social-element>`).join('')}</mj-social>` },
    { id: 'column1', category: 'layout', icon: 'layout', content: section(column(text('sample.text'))) },
    { id: 'column2', category: 'layout', icon: 'layout', content: section(column(text('sample.left'), '50%') + column(text('sample.right'), '50%')) },
    { id: 'column3', category: 'layout', icon: 'layout', content: section(['sample.left', 'sample.middle', 'sample.right'].map((k) => column(text(k), '33%')).join('')) },
    { id: 'orderItems', category: 'shop', icon: 'outbox', content: orderItems() },
    { id: 'together', category: 'shop', icon: 'plus', content: together(t) },
    { id: 'reviewed', category: 'shop', icon: 'star', content: reviewed(t) },
    { id: 'coupon', category: 'shop', icon: 'ticket', content: coupon(t) },
    { id: 'rewards', category: 'shop', icon: 'gift', content: rewards(t) },
  ];
}

/** One row per item of the order that triggered the email, as the order starters draw it. */
const orderItems = () => `<mj-raw>{% for item in order.items %}</mj-raw>${section(
  column(`<mj-image src="{{ item.imageUrl }}" alt="{{ item.name }}" href="{{ item.url }}" width="100px" border-radius="8px"></mj-image>`, '30%')
  + `<mj-column width="70%" vertical-align="middle"><mj-text><strong>{{ item.name }}</strong><br />{{ item.quantity }} × {{ item.price | money: order.currency }}</mj-text></mj-column>`,
)}<mj-raw>{% endfor %}</mj-raw>`;

/**
 * Up to three products most often bought in the same orders as this order's (or the customer's last
 * order's) items, a row each (a loop of whole sections: the canvas inserts those reliably); nothing when none.
 */
const together = (t: TFunction<'email-editor'>) => `<mj-raw>{% if recommendations.size > 0 %}</mj-raw>${
  section(column(`<mj-text font-size="17px" font-weight="bold">${t('sample.together')}</mj-text>`))}<mj-raw>{% for product in recommendations %}</mj-raw>${section(
  column(`<mj-image src="{{ product.imageUrl }}" alt="{{ product.name }}" href="{{ product.url }}" width="100px" border-radius="8px"></mj-image>`, '30%')
  + `<mj-column width="70%" vertical-align="middle"><mj-text><a href="{{ product.url }}" style="color:#27272a;font-weight:bold;text-decoration:none">{{ product.name }}</a><br />{{ product.price | money: order.currency }}</mj-text></mj-column>`,
)}<mj-raw>{% endfor %}</mj-raw><mj-raw>{% endif %}</mj-raw>`;

/** The product a review email asks about (or thanks for): its picture, its name and the link to review it. */
const reviewed = (t: TFunction<'email-editor'>) => `<mj-raw>{% if reviewed %}</mj-raw>${section(
  column(`<mj-image src="{{ reviewed.imageUrl }}" alt="{{ reviewed.name }}" href="{{ reviewed.url }}" width="160px" border-radius="8px"></mj-image>`, '35%')
  + `<mj-column width="65%" vertical-align="middle"><mj-text font-size="17px"><strong>{{ reviewed.name }}</strong></mj-text>
<mj-text font-size="26px" letter-spacing="4px"><a href="{{ reviewed.reviewUrl }}" style="color:#f59e0b;text-decoration:none">★★★★★</a></mj-text>
<mj-button href="{{ reviewed.reviewUrl }}" background-color="${BRAND}" border-radius="6px" font-weight="bold" align="left">${t('sample.review')}</mj-button></mj-column>`,
)}<mj-raw>{% endif %}</mj-raw>`;

/** The coupon a journey's "Issue coupon" step gave this customer; nothing when there is none. */
const coupon = (t: TFunction<'email-editor'>) => `<mj-raw>{% if coupon %}</mj-raw><mj-section background-color="#f5f3ff" padding="16px 24px" border-radius="8px"><mj-column>
<mj-text align="center">{{ coupon.description }}</mj-text>
<mj-text align="center" font-size="26px" font-weight="bold" letter-spacing="3px" color="${BRAND}">{{ coupon.code }}</mj-text>
<mj-text align="center" font-size="12px" color="#71717a">${t('sample.couponUntil')} {{ coupon.expiresAt | format_date: 'long' }}</mj-text>
</mj-column></mj-section><mj-raw>{% endif %}</mj-raw>`;

/** The customer's points and tier, with the link to their own rewards page. */
const rewards = (t: TFunction<'email-editor'>) => section(column(`<mj-text align="center" font-size="17px">${t('sample.points')} <strong>{{ loyalty.points | number }}</strong>{% if loyalty.tier != "" %} · {{ loyalty.tier }}{% endif %}</mj-text>
<mj-button href="{{ customer.rewardsUrl }}" background-color="${BRAND}" border-radius="6px" font-weight="bold">${t('sample.rewards')}</mj-button>`));
