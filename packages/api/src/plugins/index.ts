export { createPluginRouteHandler, hookUrl, type PluginRouteDeps } from './handler';
export { MAX_ROUTE_BODY_BYTES } from './request';
