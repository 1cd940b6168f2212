// afterglow.config as after upgrading the test plugin to its version 2 (both versions exported):
// what the web app is built with for the node versions browser test.
import { defineConfig } from '@afterglow/node-sdk';
import { greetPlugin, greetV1, greetV2 } from '../support/greet-plugin';

export default defineConfig({ plugins: [greetPlugin(greetV1, greetV2)] });
