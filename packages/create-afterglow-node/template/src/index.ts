// The plugin Afterglow enables: everything this package adds. List each new node type here
// (and the services, routes and widgets, when it has some).
import { definePlugin } from '@afterglow/node-sdk';
import { orderPoints } from './definition.js';

export { orderPoints };

export default definePlugin({ id: '__NAMESPACE__', nodeTypes: [orderPoints] });
