// The plugins this Afterglow runs: the one list of node types both the server and the web app
// read. Enable a plugin by installing its package (`pnpm add <name> -w`) and adding it here;
// restart `pnpm start` (it rebuilds the web app). See docs/nodes.md.
import { defineConfig } from '@afterglow/node-sdk';
import sms from 'afterglow-node-sms';

export default defineConfig({
  // The SMS channel (examples/afterglow-node-sms): Send SMS, the Twilio gateway, STOP/START replies.
  plugins: [sms],
});
