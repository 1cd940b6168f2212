export { createRelayWebhookHandler, type RelayWebhookDeps } from './handler';
export { getRelaySettings, removeRelayCredential, setRelayCredential, RELAY_PROVIDERS, type RelayProvider } from './settings';
export { sendgridKey } from './sendgrid';
