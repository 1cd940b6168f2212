// A second demo journey, left as a draft for the marketer to look at and publish: customers
// who stop buying (leave "Bought in the last 90 days") get a unique 15% coupon and the
// Win-back email that shows it.
import type { JourneyGraph } from '@afterglow/journey-core';

export const WIN_BACK_JOURNEY_ID = 'jrn_demo_win_back';
export const WIN_BACK_JOURNEY_NAME = 'Win back lapsed customers';

/**
 * `templateId`: the demo workspace's saved Win-back template. Each step names the version of its
 * type its config is written for (all version 1 today).
 */
export function winBackGraph(segmentId: string, templateId: string): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-segment-left', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId } },
      {
        id: 'coupon', type: 'core/issue-coupon', typeVersion: 1, position: { x: 0, y: 200 },
        config: { kind: 'percent', value: 15, prefix: 'COMEBACK', validDays: 30, minOrderTotal: 0, description: '' },
      },
      {
        id: 'win_back_email', type: 'core/send-email', typeVersion: 1, position: { x: 0, y: 400 },
        config: {
          templateId, subject: 'We miss you, {{ customer.firstName }}', preheader: '', body: '<mjml><mj-body></mj-body></mjml>',
          kind: 'marketing', topic: 'offers', whenCapped: 'skip',
        },
      },
    ],
    edges: [
      { id: 'e_trigger_coupon', source: 'trigger', sourceHandle: 'out', target: 'coupon' },
      { id: 'e_coupon_email', source: 'coupon', sourceHandle: 'out', target: 'win_back_email' },
    ],
  };
}
