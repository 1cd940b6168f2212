// Starters for the moments right after a purchase: confirmation, shipping, review request.
import { card, orderItems, recommendations, shell } from './layout';
import type { StarterTemplate } from './types';

export const orderConfirmation: StarterTemplate = {
  key: 'order-confirmation',
  name: 'Order confirmation',
  description: 'Thanks the customer, lists what they bought with pictures and prices, and the total.',
  kind: 'transactional',
  subject: 'Your order {{ order.id }} is confirmed, {{ customer.firstName }}',
  preheader: 'Thank you! Here is what is on its way to you.',
  body: shell('Your order is confirmed', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">Thank you, {{ customer.firstName }}!</mj-text>
        <mj-text>We have your order <strong>{{ order.id }}</strong> and are packing it now. Here is what is on its way:</mj-text>`, '24px 24px 8px')}
${orderItems()}
${card(`        <mj-divider border-color="#e4e4e7" border-width="1px" />
        <mj-text font-size="17px"><strong>Total: {{ order.total | money: order.currency }}</strong></mj-text>
        <mj-button href="{{ shop.url }}/account/orders/{{ order.id }}">See your order</mj-button>`, '8px 24px 24px')}
${recommendations('Goes well with your order')}`),
};

export const shippingNotice: StarterTemplate = {
  key: 'shipping-notice',
  name: 'Shipping notice',
  description: 'Tells the customer the order is on its way, with tips from the blog, the FAQ and a “follow us” block.',
  kind: 'transactional',
  subject: 'Good news, {{ customer.firstName }}: your order is on its way',
  preheader: 'Your parcel has left our warehouse.',
  body: shell('Your order is on its way', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">It is on its way!</mj-text>
        <mj-text>Hi {{ customer.firstName }}, your order <strong>{{ order.id }}</strong> has left our warehouse. {% if event.tracking_url %}You can follow the parcel here:{% endif %}</mj-text>
        <mj-raw>{% if event.tracking_url %}</mj-raw>
        <mj-button href="{{ event.tracking_url }}">Track your parcel</mj-button>
        <mj-raw>{% endif %}</mj-raw>`, '24px 24px 8px')}
${orderItems()}
${card(`        <mj-divider border-color="#e4e4e7" border-width="1px" />
        <mj-text font-size="17px" font-weight="bold">While you wait</mj-text>
        <mj-text>Get the most out of what you bought: read our <a href="{{ shop.url }}/blog" style="color:#7c3aed">blog</a> for tips and stories, or find answers in our <a href="{{ shop.url }}/faq" style="color:#7c3aed">FAQ</a>.</mj-text>`, '8px 24px 16px')}
${card(`        <mj-text align="center" font-weight="bold">Follow us</mj-text>
        <mj-social font-size="13px" icon-size="24px" mode="horizontal" align="center">
          <mj-social-element name="instagram" href="{{ shop.url }}/instagram">Instagram</mj-social-element>
          <mj-social-element name="facebook" href="{{ shop.url }}/facebook">Facebook</mj-social-element>
          <mj-social-element name="youtube" href="{{ shop.url }}/youtube">YouTube</mj-social-element>
        </mj-social>`, '8px 24px 24px')}`),
};

export const reviewRequest: StarterTemplate = {
  key: 'review-request',
  name: 'Review request',
  description: 'Asks for a review of each item bought, one “rate this” link per item. Send it 7–15 days after delivery.',
  kind: 'marketing',
  subject: '{{ customer.firstName }}, how do you like your new things?',
  preheader: 'Your review helps other shoppers choose. It takes a minute.',
  body: shell('How do you like it?', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">How are you getting on, {{ customer.firstName }}?</mj-text>
        <mj-text>You have had your order for a little while now. Would you tell other shoppers what you think? One honest sentence helps them choose.</mj-text>`, '24px 24px 8px')}
${orderItems(`<br /><a href="{{ item.reviewUrl }}" style="color:#7c3aed;font-weight:bold">Rate this ★★★★★</a>`)}
${card(`        <mj-text>As a thank-you, every review earns you loyalty points. You have <strong>{{ loyalty.points }}</strong> points right now.</mj-text>`, '8px 24px 24px')}`),
};
