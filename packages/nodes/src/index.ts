import { definePlugin, NodeRegistry, type AfterglowPlugin, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { triggerOnEvent } from './core/trigger-event/definition';
import { triggerBroadcast } from './core/trigger-broadcast/definition';
import { triggerSegmentEntered } from './core/trigger-segment-entered/definition';
import { triggerSegmentLeft } from './core/trigger-segment-left/definition';
import { triggerDate } from './core/trigger-date/definition';
import { triggerSchedule } from './core/trigger-schedule/definition';
import { wait } from './core/wait/definition';
import { waitReplenishment } from './core/wait-replenishment/definition';
import { waitForEventNode } from './core/wait-for-event/definition';
import { segmentCondition } from './core/segment-condition/definition';
import { abSplit } from './core/ab-split/definition';
import { abSplitV1 } from './core/ab-split/v1';
import { holdout } from './core/holdout/definition';
import { propertyCondition } from './core/property-condition/definition';
import { hasBought } from './core/has-bought/definition';
import { multiSplit } from './core/multi-split/definition';
import { multiSplitV1 } from './core/multi-split/v1';
import { sendEmail } from './core/send-email/definition';
import { grantPoints } from './core/grant-points/definition';
import { issueCoupon } from './core/issue-coupon/definition';
import { callWebhook } from './core/call-webhook/definition';
import { webhookService } from './core/call-webhook/service';
import { exitJourney } from './core/exit/definition';
import { alertStaff } from './core/alert-staff/definition';
import { updateProfile } from './core/update-profile/definition';
import { goTo } from './core/go-to/definition';

/** Built-in node types, in palette order. Adding a type: one folder, one line here. */
export const builtInNodeTypes: NodeTypeDefinition[] = [
  triggerOnEvent,
  triggerBroadcast,
  triggerSegmentEntered,
  triggerSegmentLeft,
  triggerDate,
  triggerSchedule,
  wait,
  waitReplenishment,
  waitForEventNode,
  segmentCondition,
  propertyCondition,
  hasBought,
  multiSplit,
  abSplit,
  holdout,
  sendEmail,
  grantPoints,
  issueCoupon,
  callWebhook,
  alertStaff,
  updateProfile,
  goTo,
  exitJourney,
];

/**
 * The services the built-in node types queue their effects with, delivered by the same
 * dispatcher as any plugin's: always installed, whatever afterglow.config.ts enables. With them,
 * the older versions of built-in types, kept so journeys published on them keep running.
 */
export const corePlugin = definePlugin({ id: 'core', nodeTypes: [abSplitV1, multiSplitV1], services: [webhookService] });

/** The built-in node types and services, and those of the enabled plugins (afterglow.config.ts). */
export function createRegistry(plugins: readonly AfterglowPlugin[] = []): NodeRegistry {
  return new NodeRegistry(builtInNodeTypes, [corePlugin, ...plugins]);
}

export { triggerSegmentEntered, triggerSegmentLeft, triggerDate, triggerSchedule, webhookService, abSplit, holdout, propertyCondition, hasBought, multiSplit, waitReplenishment };
export { triggerOnEvent, triggerBroadcast, wait, waitForEventNode, segmentCondition, sendEmail, grantPoints, issueCoupon, callWebhook, alertStaff, updateProfile, goTo, exitJourney };

