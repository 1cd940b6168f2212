// Starters for the rest of the customer's life with the shop: bring them back, celebrate
// them, ask how it went, and show what their loyalty is worth.
import { defineStarter } from './define';
import { actionLink, BRAND, card, orderItems, recommendations } from './layout';

export const replenishmentReminder = defineStarter({
  key: 'replenishment-reminder',
  kind: 'marketing',
}, 'replenishmentReminder', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>`, '24px 24px 8px')}
${orderItems(`<br />${actionLink('{{ item.url }}', t.orderAgain)}`)}
${card(`        <mj-button href="{{ shop.url }}/account/orders/{{ order.id }}/reorder">${t.reorderAll}</mj-button>`, '8px 24px 24px')}`);

export const birthdayGreeting = defineStarter({
  key: 'birthday-greeting',
  kind: 'marketing',
}, 'birthdayGreeting', (t) => `${card(`        <mj-text font-size="28px" font-weight="bold" line-height="34px" align="center">${t.heading}</mj-text>
        <mj-text align="center">${t.intro}</mj-text>
        <mj-raw>{% if coupon %}</mj-raw>
        <mj-text align="center" font-size="13px" color="#71717a">{{ coupon.description }}</mj-text>
        <mj-text align="center" font-size="26px" font-weight="bold" letter-spacing="3px" color="${BRAND}">{{ coupon.code }}</mj-text>
        <mj-raw>{% else %}</mj-raw>
        <mj-text align="center" font-size="20px" font-weight="bold" color="${BRAND}">${t.freeShipping}</mj-text>
        <mj-raw>{% endif %}</mj-raw>
        <mj-button href="{{ shop.url }}">${t.button}</mj-button>`)}`);

export const crossSell = defineStarter({
  key: 'cross-sell',
  kind: 'marketing',
}, 'crossSell', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>`, '24px 24px 8px')}
${recommendations(t.recommendations)}
${card(`        <mj-button href="{{ shop.url }}">${t.button}</mj-button>`, '8px 24px 24px')}`);

export const winBack = defineStarter({
  key: 'win-back',
  kind: 'marketing',
}, 'winBack', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>
        <mj-button href="{{ shop.url }}/new">${t.button}</mj-button>`)}
${recommendations(t.recommendations)}`);

export const satisfactionSurvey = defineStarter({
  key: 'satisfaction-survey',
  kind: 'marketing',
}, 'satisfactionSurvey', (t) => `${card(`        <mj-text font-size="24px" font-weight="bold" line-height="30px">${t.heading}</mj-text>
        <mj-text>${t.intro}</mj-text>
        <mj-text align="center" font-size="15px" line-height="40px">{% for score in (1..5) %}<a href="{{ shop.url }}/survey?order={{ order.id }}&amp;score={{ score }}" style="display:inline-block;width:40px;margin:0 4px;border-radius:20px;background:#ede9fe;color:#5b21b6;font-weight:bold;text-decoration:none">{{ score }}</a>{% endfor %}</mj-text>
        <mj-text align="center" font-size="12px" color="#71717a">${t.scale}</mj-text>`)}`);

export const pointsBalance = defineStarter({
  key: 'points-balance',
  kind: 'marketing',
}, 'pointsBalance', (t) => `${card(`        <mj-text font-size="13px" color="#71717a" align="center">${t.balance}</mj-text>
        <mj-text font-size="40px" font-weight="bold" line-height="46px" align="center" color="${BRAND}">${t.points}</mj-text>
        <mj-text align="center">${t.status}</mj-text>
        <mj-button href="{{ customer.rewardsUrl }}">${t.rewards}</mj-button>`)}
${recommendations(t.recommendations)}`);
