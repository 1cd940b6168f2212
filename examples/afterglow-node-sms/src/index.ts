// The SMS plugin: everything this package adds to Afterglow. Enabled by naming it in
// afterglow.config.ts; the server runs its node types, service and routes, the web app shows
// its node types and its message editor.
import { definePlugin } from '@afterglow/node-sdk';
import { MessageWidget } from './message-widget/MessageWidget.js';
import { sendSmsV2 } from './send-sms/definition.js';
import { sendSmsV1 } from './send-sms/v1.js';
import { inboundRoute } from './twilio/inbound-route.js';
import { twilioService } from './twilio/service.js';
import { statusRoute } from './twilio/status-route.js';

export { MessageWidget, sendSmsV1, sendSmsV2, twilioService, inboundRoute, statusRoute };
export { countSegments, type SegmentCount, type SmsEncoding } from './sms/segments.js';
export { toGsm7Latin } from './sms/transliterate.js';

export default definePlugin({
  id: 'sms',
  // Both versions: journeys published on version 1 keep running it; the palette offers version 2.
  nodeTypes: [sendSmsV1, sendSmsV2],
  services: [twilioService],
  routes: [statusRoute, inboundRoute],
  widgets: { message: MessageWidget },
});
