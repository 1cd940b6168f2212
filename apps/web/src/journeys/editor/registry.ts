// The node types the web app knows: the same registry the server validates and runs with.
import { createRegistry } from '@afterglow/nodes';

export const registry = createRegistry();
