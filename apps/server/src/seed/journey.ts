// The demo's published journey: thank the customer for an order, list what they bought,
// and grant loyalty points. Built as a canvas graph, exactly as a marketer would draw it.
import type { JourneyGraph } from '@afterglow/journey-core';

export const THANK_YOU_JOURNEY_ID = 'jrn_demo_thank_you';
export const THANK_YOU_JOURNEY_NAME = 'Thank you for your order';

export const thankYouSubject = 'Thank you for your order, {{ customer.firstName }}!';

export const thankYouBody = `<mjml>
  <mj-head>
    <mj-title>Thank you for your order</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#27272a" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section background-color="#ffffff" padding="28px 24px 8px">
      <mj-column>
        <mj-text font-size="24px" font-weight="bold" line-height="30px">Thank you, {{ customer.firstName }}!</mj-text>
        <mj-text>Your order <strong>{{ order.id }}</strong> is in and we are packing it now. Here is what is on its way to you:</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{% for item in order.items %}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 24px">
      <mj-column width="30%">
        <mj-image src="{{ item.imageUrl }}" alt="{{ item.name }}" href="{{ item.url }}" width="110px" border-radius="8px" />
      </mj-column>
      <mj-column width="70%" vertical-align="middle">
        <mj-text><a href="{{ item.url }}" style="color:#27272a;font-weight:bold;text-decoration:none">{{ item.name }}</a><br />{{ item.brand }}<br />{{ item.quantity }} × {{ item.price | money: order.currency }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{% endfor %}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 24px 28px">
      <mj-column>
        <mj-divider border-color="#e4e4e7" border-width="1px" />
        <mj-text font-size="17px"><strong>Total: {{ order.total | money: order.currency }}</strong></mj-text>
        <mj-text>We have added <strong>10 loyalty points</strong> to your account as a thank-you. Questions about your order? Just reply to this email.</mj-text>
        <mj-button href="{{ shop.url }}/account/orders/{{ order.id }}" background-color="#7c3aed" border-radius="6px">See your order</mj-button>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#71717a" align="center">{{ shop.name }} · <a href="{{ shop.url }}" style="color:#71717a">{{ shop.url }}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** Each step names the version of its type its config is written for (all version 1 today). */
export function thankYouGraph(): JourneyGraph {
  return {
    nodes: [
      {
        id: 'trigger', type: 'core/trigger-event', typeVersion: 1, position: { x: 0, y: 0 },
        config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' },
      },
      {
        id: 'thank_you_email', type: 'core/send-email', typeVersion: 1, position: { x: 0, y: 200 },
        config: {
          subject: thankYouSubject,
          preheader: 'Here is what you bought, and 10 points on us.',
          body: thankYouBody,
          // An order confirmation is transactional: it goes to everyone who ordered (consent or
          // not), with no unsubscribe link, and never counts against the promotions cap.
          kind: 'transactional',
        },
      },
      {
        id: 'grant_points', type: 'core/grant-points', typeVersion: 1, position: { x: 0, y: 440 },
        config: { amount: 10, reason: 'Thank you for your order' },
      },
    ],
    edges: [
      { id: 'e_trigger_email', source: 'trigger', sourceHandle: 'out', target: 'thank_you_email' },
      { id: 'e_email_points', source: 'thank_you_email', sourceHandle: 'out', target: 'grant_points' },
    ],
  };
}
