// The playbook's journeys over the customer's life with the shop (DOMAIN.md 5, 7, 8, 10-13),
// with its defaults. Segments travel with the file: importing reuses one of the same name and rule.
import type { FileSegment } from '@afterglow/journey-core';
import { galleryEmail, starterFile } from './emails';
import { coupon, flow, onEvent, send, step, wait, waitFor } from './flow';
import type { GalleryEntry } from './entry';

const ORDER = 'Order Completed';
const segment = (ref: string, name: string, rule: Record<string, unknown>): FileSegment => ({ ref, name, description: '', rule });
const buyers = segment('buyers', 'Buyers', { kind: 'orders', measure: 'count', op: 'gte', value: 1 });
const weekly = { every: 'weekly', monday: true, tuesday: false, wednesday: false, thursday: false, friday: false, saturday: false, sunday: false, month: '1', dayOfMonth: 1, time: '10:00', timeZone: '' };

export const lifecycleEntries: GalleryEntry[] = [
  { key: 'birthday', events: [],
    graph: flow(step('trigger', 'core/trigger-date', { source: 'birthday', attribute: '', when: 'on', days: 7, repeat: 'yearly', hour: 9 }))
      .then(coupon('coupon', 'percent', 15, 'BDAY', 14))
      .then(send('greeting', 'birthday-greeting', 'marketing', { topic: 'offers' })).graph(),
    templates: [starterFile('birthday-greeting')] },

  { key: 'interest-segment', events: [ORDER],
    graph: flow(step('trigger', 'core/trigger-segment-entered', { segmentId: 'fans' }))
      .then(wait('day', { mode: 'duration', amount: 1, unit: 'days' }))
      .then(send('news', 'new-arrivals', 'marketing', { topic: 'new_products' })).graph(),
    templates: [galleryEmail('new-arrivals', 'marketing', false)],
    segments: [segment('fans', 'Bought football kit', { kind: 'bought', what: 'category', value: 'Football' })] },

  { key: 'weekly-promotion', events: [ORDER],
    graph: flow(step('trigger', 'core/trigger-schedule', { segmentId: 'buyers', ...weekly }))
      .then(send('offers', 'weekly-offers', 'marketing', { topic: 'offers', whenCapped: 'skip' })).graph(),
    templates: [galleryEmail('weekly-offers', 'marketing', false)], segments: [buyers] },

  { key: 'pre-order', events: [ORDER],
    graph: flow(step('trigger', 'core/trigger-broadcast', { segmentId: 'regulars', startAt: '' }))
      .then(coupon('coupon', 'percent', 10, 'PRE', 30))
      .then(send('invite', 'pre-order', 'marketing', { topic: 'new_products' })).graph(),
    templates: [galleryEmail('pre-order', 'marketing', true)],
    segments: [segment('regulars', 'Regular customers', { kind: 'orders', measure: 'count', op: 'gte', value: 3 })] },

  { key: 'loyalty-tier', events: [ORDER, 'Loyalty Tier Changed'],
    graph: flow(onEvent('Loyalty Tier Changed', '', [{ property: 'direction', op: 'equals', value: 'up' }]))
      .then(send('status', 'points-balance', 'marketing', { topic: 'loyalty' })).graph(),
    templates: [starterFile('points-balance')] },

  { key: 'referral', events: [ORDER, 'Referral Completed'],
    graph: flow(onEvent('Referral Completed'))
      .then(coupon('coupon', 'percent', 15, 'FRIEND', 30))
      .then(send('reward', 'referral-reward', 'transactional')).graph(),
    templates: [galleryEmail('referral-reward', 'transactional', true)] },

  { key: 'win-back', events: [ORDER], settings: { reentry: { mode: 'cooldown', days: 180 }, goal: null },
    graph: flow(step('trigger', 'core/trigger-segment-entered', { segmentId: 'lapsed' }))
      .then(coupon('coupon', 'percent', 20, 'BACK', 30))
      .then(send('miss-you', 'win-back', 'marketing', { topic: 'offers' }))
      .then(waitFor('order', ORDER, '', 7), 'timed_out')
      .then(send('reminder', 'win-back-reminder', 'marketing', { topic: 'offers' })).graph(),
    templates: [starterFile('win-back'), galleryEmail('win-back-reminder', 'marketing', true)],
    segments: [segment('lapsed', 'No order in 60 days', { kind: 'orders', measure: 'daysSinceLastOrder', op: 'gte', value: 60 })] },
];
