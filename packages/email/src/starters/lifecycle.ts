// Starters for the rest of the customer's life with the shop: bring them back, celebrate
// them, ask how it went, and show what their loyalty is worth.
import { card, orderItems, recommendations, shell } from './layout';
import type { StarterTemplate } from './types';

export const replenishmentReminder: StarterTemplate = {
  key: 'replenishment-reminder',
  name: 'Replenishment reminder',
  description: 'Reminds the customer a little before they run out of what they bought last time.',
  kind: 'marketing',
  subject: 'Running low, {{ customer.firstName }}?',
  preheader: 'Time to stock up on your favourites.',
  body: shell('Time to stock up', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">Time to stock up?</mj-text>
        <mj-text>Hi {{ customer.firstName }}, by our count you will soon run out of what you ordered last time. Reorder in one click:</mj-text>`, '24px 24px 8px')}
${orderItems(`<br /><a href="{{ item.url }}" style="color:#7c3aed;font-weight:bold">Order again</a>`)}
${card(`        <mj-button href="{{ shop.url }}/account/orders/{{ order.id }}/reorder">Reorder everything</mj-button>`, '8px 24px 24px')}`),
};

export const birthdayGreeting: StarterTemplate = {
  key: 'birthday-greeting',
  name: 'Birthday greeting',
  description: 'Wishes a happy birthday with a gift: the coupon issued earlier in the journey, or free shipping.',
  kind: 'marketing',
  subject: 'Happy birthday, {{ customer.firstName }}! A little gift inside',
  preheader: 'We have something for you today.',
  body: shell('Happy birthday', `${card(`        <mj-text font-size="28px" font-weight="bold" line-height="34px" align="center">Happy birthday, {{ customer.firstName }}! 🎂</mj-text>
        <mj-text align="center">Thank you for being part of {{ shop.name }}. To celebrate, here is a gift from us:</mj-text>
        <mj-raw>{% if coupon %}</mj-raw>
        <mj-text align="center" font-size="13px" color="#71717a">{{ coupon.description }}</mj-text>
        <mj-text align="center" font-size="26px" font-weight="bold" letter-spacing="3px" color="#7c3aed">{{ coupon.code }}</mj-text>
        <mj-raw>{% else %}</mj-raw>
        <mj-text align="center" font-size="20px" font-weight="bold" color="#7c3aed">Free shipping on your next order this month</mj-text>
        <mj-raw>{% endif %}</mj-raw>
        <mj-button href="{{ shop.url }}">Treat yourself</mj-button>`)}`),
};

export const crossSell: StarterTemplate = {
  key: 'cross-sell',
  name: 'Cross-sell',
  description: 'Suggests what other customers bought together with this order’s items.',
  kind: 'marketing',
  subject: '{{ customer.firstName }}, these go perfectly with your order',
  preheader: 'Picked for you from what other shoppers bought together.',
  body: shell('Goes well with your order', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">Complete the set</mj-text>
        <mj-text>Hi {{ customer.firstName }}, customers who bought {% if order.items.size > 0 %}<strong>{{ order.items.first.name }}</strong>{% else %}what you bought{% endif %} also loved these:</mj-text>`, '24px 24px 8px')}
${recommendations('Frequently bought together')}
${card(`        <mj-button href="{{ shop.url }}">Shop now</mj-button>`, '8px 24px 24px')}`),
};

export const winBack: StarterTemplate = {
  key: 'win-back',
  name: 'Win-back',
  description: 'Gives a customer who stopped buying a reason to come back: what is new, and a coupon if one was issued.',
  kind: 'marketing',
  subject: 'We miss you, {{ customer.firstName }}',
  preheader: 'A lot has changed since your last visit.',
  body: shell('We miss you', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">It has been a while, {{ customer.firstName }}</mj-text>
        <mj-text>A lot is new at {{ shop.name }} since your last order. Come and have a look{% if coupon %}: with <strong>{{ coupon.code }}</strong> you get {{ coupon.description }}{% endif %}.</mj-text>
        <mj-button href="{{ shop.url }}/new">See what is new</mj-button>`)}
${recommendations('Picked for you')}`),
};

export const satisfactionSurvey: StarterTemplate = {
  key: 'satisfaction-survey',
  name: 'Satisfaction survey',
  description: 'Asks how happy the customer is with the order on a 1–5 scale, one click per answer.',
  kind: 'marketing',
  subject: 'Quick question about your order, {{ customer.firstName }}',
  preheader: 'One click: how happy are you?',
  body: shell('How did we do?', `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">How did we do?</mj-text>
        <mj-text>Hi {{ customer.firstName }}, how happy are you with your order {{ order.id }}? One click is enough; we read every answer.</mj-text>
        <mj-text align="center" font-size="15px" line-height="40px">{% for score in (1..5) %}<a href="{{ shop.url }}/survey?order={{ order.id }}&amp;score={{ score }}" style="display:inline-block;width:40px;margin:0 4px;border-radius:20px;background:#ede9fe;color:#5b21b6;font-weight:bold;text-decoration:none">{{ score }}</a>{% endfor %}</mj-text>
        <mj-text align="center" font-size="12px" color="#71717a">1 = not happy at all · 5 = delighted</mj-text>`)}`),
};

export const pointsBalance: StarterTemplate = {
  key: 'points-balance',
  name: 'Points balance update',
  description: 'Shows the customer’s points, tier and how far the next tier is.',
  kind: 'marketing',
  subject: '{{ customer.firstName }}, you have {{ loyalty.points }} points',
  preheader: 'Your {{ loyalty.tier }} status and what your points are worth.',
  body: shell('Your points', `${card(`        <mj-text font-size="13px" color="#71717a" align="center">YOUR BALANCE</mj-text>
        <mj-text font-size="40px" font-weight="bold" line-height="46px" align="center" color="#7c3aed">{{ loyalty.points }} points</mj-text>
        <mj-text align="center">You are a <strong>{{ loyalty.tier }}</strong> member, {{ customer.firstName }}.{% if loyalty.nextTier != "" %} Only <strong>{{ loyalty.pointsToNextTier }}</strong> more points to reach {{ loyalty.nextTier }}.{% endif %}</mj-text>
        <mj-button href="{{ shop.url }}/account/rewards">Spend your points</mj-button>`)}
${recommendations('Ideas to spend them on')}`),
};
