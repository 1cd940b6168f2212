export { createBounceWebhookHandler, type BounceDeps } from './handler';
export { recordDeliveryReport } from './record';
export { bounceNoticeSchema } from './schema';
export { startBounceListener, type BounceListenerOptions } from './listener';
