// Starters for the moments right after a purchase: confirmation, shipping, review request.
import { defineStarter } from './define';
import { actionLink, card, orderItems, recommendations, shopLink } from './layout';

export const orderConfirmation = defineStarter({
  key: 'order-confirmation',
  kind: 'transactional',
}, 'orderConfirmation', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>`, '24px 24px 8px')}
${orderItems()}
${card(`        <mj-divider border-color="#e4e4e7" border-width="1px" />
        <mj-text font-size="17px"><strong>${t.total}</strong></mj-text>
        <mj-button href="{{ shop.url }}/account/orders/{{ order.id }}">${t.button}</mj-button>`, '8px 24px 24px')}
${recommendations(t.recommendations)}`);

export const shippingNotice = defineStarter({
  key: 'shipping-notice',
  kind: 'transactional',
}, 'shippingNotice', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>
        <mj-raw>{% if event.tracking_url %}</mj-raw>
        <mj-button href="{{ event.tracking_url }}">${t.track}</mj-button>
        <mj-raw>{% endif %}</mj-raw>`, '24px 24px 8px')}
${orderItems()}
${card(`        <mj-divider border-color="#e4e4e7" border-width="1px" />
        <mj-text font-size="17px" font-weight="bold">${t.whileYouWait}</mj-text>
        <mj-text>${t.tips(shopLink)}</mj-text>`, '8px 24px 16px')}
${card(`        <mj-text align="center" font-weight="bold">${t.followUs}</mj-text>
        <mj-social font-size="13px" icon-size="24px" mode="horizontal" align="center">
          <mj-social-element name="instagram" href="{{ shop.url }}/instagram">Instagram</mj-social-element>
          <mj-social-element name="facebook" href="{{ shop.url }}/facebook">Facebook</mj-social-element>
          <mj-social-element name="youtube" href="{{ shop.url }}/youtube">YouTube</mj-social-element>
        </mj-social>`, '8px 24px 24px')}`);

export const reviewRequest = defineStarter({
  key: 'review-request',
  kind: 'marketing',
}, 'reviewRequest', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>`, '24px 24px 8px')}
${orderItems(`<br />${actionLink('{{ item.reviewUrl }}', t.rate)}`)}
${card(`        <mj-text>${t.thanks}</mj-text>`, '8px 24px 24px')}`);
