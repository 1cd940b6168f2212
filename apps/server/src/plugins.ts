// The plugins enabled in afterglow.config.ts (repo root): the web app's build reads the same
// file, so the server and the palette always agree on the node types.
import config from '../../../afterglow.config';

export const enabledPlugins = config.plugins;
