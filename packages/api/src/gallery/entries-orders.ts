// The playbook's journeys around an order (DOMAIN.md 1-4, 6, 9, 14), with its defaults.
import { galleryEmail, starterFile } from './emails';
import { coupon, flow, onEvent, send, step, wait, waitFor } from './flow';
import type { GalleryEntry } from './entry';

const ORDER = 'Order Completed';

export const orderEntries: GalleryEntry[] = [
  { key: 'order-confirmation', events: [ORDER, 'order_shipped'],
    graph: flow(onEvent(ORDER, 'order_id'))
      .then(send('confirmation', 'order-confirmation', 'transactional'))
      .then(waitFor('shipped', 'order_shipped', 'order_id', 30), 'happened')
      .then(send('shipping', 'shipping-notice', 'transactional')).graph(),
    templates: [starterFile('order-confirmation'), starterFile('shipping-notice')] },

  { key: 'review-request', events: ['order_delivered', ORDER],
    graph: flow(onEvent('order_delivered', 'order_id'))
      .then(wait('window', { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 }))
      .then(send('ask', 'review-request', 'marketing', { topic: 'reviews' })).graph(),
    templates: [starterFile('review-request')] },

  { key: 'negative-review-rescue', events: ['Review Submitted'],
    graph: flow(onEvent('Review Submitted', 'review_id', [{ property: 'rating', op: 'less_than', value: '3' }]))
      .then(step('alert', 'core/alert-staff', { to: 'role', role: 'owner', address: '', note: 'Reply today: apologise and help', perHour: 10 }))
      .then(coupon('coupon', 'percent', 20, 'SORRY', 30))
      .then(send('apology', 'apology', 'transactional')).graph(),
    templates: [galleryEmail('apology', 'transactional', true)] },

  { key: 'replenishment', events: [ORDER],
    graph: flow(onEvent(ORDER, 'order_id'))
      .then(step('cycle', 'core/wait-replenishment', { for: 'order-products', value: '', leadDays: 7, atHour: 10, fallbackDays: 60 }))
      .then(send('remind', 'replenishment-reminder', 'marketing', { topic: 'offers' })).graph(),
    templates: [starterFile('replenishment-reminder')] },

  { key: 'cross-sell', events: [ORDER],
    graph: flow(onEvent(ORDER, 'order_id'))
      .then(wait('week', { mode: 'duration', amount: 7, unit: 'days' }))
      .then(send('suggest', 'cross-sell', 'marketing', { topic: 'offers' })).graph(),
    templates: [starterFile('cross-sell')] },

  { key: 'satisfaction-survey', events: ['order_delivered'],
    graph: flow(onEvent('order_delivered', 'order_id'))
      .then(wait('window', { mode: 'window', from: 'trigger', minDays: 14, maxDays: 21, atHour: 10 }))
      .then(send('survey', 'satisfaction-survey', 'marketing', { topic: 'reviews' })).graph(),
    templates: [starterFile('satisfaction-survey')] },

  { key: 'thank-you', events: [ORDER],
    graph: flow(onEvent(ORDER, 'order_id'))
      .then(coupon('coupon', 'percent', 10, 'THANKS', 30))
      .then(send('thanks', 'thank-you', 'marketing', { topic: 'offers' })).graph(),
    templates: [galleryEmail('thank-you', 'marketing', true)] },
];
