// /hooks/<plugin id>/<workspace id>/<route path>: the routes plugins declare for their
// providers' callbacks (delivery statuses, inbound messages). The server finds the plugin, the
// route and the workspace (404 for any unknown one, before the route runs), reads the body (413
// past 1 MB) and answers what the route returns. A route's 400s are its own (a body its parsers
// refuse included); anything else it throws is logged under the plugin's name and answered 500
// with the request id.
import type { AfterglowPlugin, Logger, NodeRegistry, RouteResponse } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IngestDeps } from '../ingest/handler';
import { guardRequests, HttpError, readBody } from '../ingest/http-io';
import { routeContext } from './context';
import { MAX_ROUTE_BODY_BYTES, routeRequest } from './request';

export interface PluginRouteDeps extends IngestDeps {
  registry: NodeRegistry;
  /** Where providers reach the app (AFTERGLOW_PUBLIC_URL, else http://localhost:PORT). */
  publicUrl: () => string;
  log: Logger;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export const HOOKS_PREFIX = '/hooks/';

/** The URL a provider is given for a plugin's route in a workspace. */
export const hookUrl = (publicBase: string, pluginId: string, workspaceId: string, path: string): string =>
  `${publicBase.replace(/\/+$/, '')}${HOOKS_PREFIX}${pluginId}/${encodeURIComponent(workspaceId)}/${path}`;

interface HookTarget { pluginId: string; workspaceId: string; path: string }

function targetOf(url: string | undefined): HookTarget | null {
  const pathname = (url ?? '/').split('?')[0];
  if (!pathname.startsWith(HOOKS_PREFIX)) return null;
  const [pluginId, workspace, ...rest] = pathname.slice(HOOKS_PREFIX.length).split('/');
  const path = rest.join('/').replace(/\/+$/, '');
  if (!pluginId || !workspace || !path) return null;
  try {
    return { pluginId, workspaceId: decodeURIComponent(workspace), path };
  } catch {
    return null; // a malformed escape names no workspace
  }
}

const USAGE = 'Plugin routes are /hooks/<plugin id>/<workspace id>/<route path>';

function send(res: ServerResponse, response: RouteResponse): void {
  const { status, body = '', headers = {} } = response ?? {};
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new Error(`The route answered status ${String(status)}: use 200-599`);
  if (typeof body !== 'string') throw new Error('The route answered a body that is not a string');
  const named = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  res.writeHead(status, {
    'cache-control': 'no-store',
    ...(body ? { 'content-type': 'text/plain; charset=utf-8' } : {}),
    ...named,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function pluginHandler(deps: PluginRouteDeps, plugin: AfterglowPlugin, log: Logger): Handler {
  const known = new Set((plugin.routes ?? []).map((r) => r.path));
  return async (req, res) => {
    const target = targetOf(req.url)!;
    if (!known.has(target.path)) throw new HttpError(404, `Plugin ${plugin.id} has no route "${target.path}"`);
    const route = plugin.routes!.find((r) => r.path === target.path && r.method === req.method);
    if (!route) {
      res.setHeader('allow', plugin.routes!.filter((r) => r.path === target.path).map((r) => r.method).join(', '));
      throw new HttpError(405, `${req.method} is not allowed on ${plugin.id}/${target.path}`);
    }
    const [workspace] = await deps.database.sql`select 1 as one from workspaces where id = ${target.workspaceId}`;
    if (!workspace) throw new HttpError(404, `Unknown workspace ${target.workspaceId}`);
    const raw = await readBody(req, MAX_ROUTE_BODY_BYTES);
    const request = routeRequest(req, raw, deps.publicUrl());
    const routeLog = log.child({ workspaceId: target.workspaceId, route: route.path });
    send(res, await route.handle(request, routeContext(deps, plugin, target.workspaceId, routeLog)));
  };
}

export function createPluginRouteHandler(deps: PluginRouteDeps): Handler {
  const log = deps.log.child({ component: 'plugin' });
  const guard = (handle: Handler, pluginLog: Logger) => guardRequests(handle, {
    availability: deps.database.availability, log: pluginLog, what: 'plugin route failed',
    message: 'The route failed; the provider should retry',
  });
  const byPlugin = new Map(deps.registry.plugins().map((p) => {
    const pluginLog = log.child({ plugin: p.id });
    return [p.id, guard(pluginHandler(deps, p, pluginLog), pluginLog)] as const;
  }));
  const unknown = guard(async (req) => {
    const target = targetOf(req.url);
    throw new HttpError(404, target ? `No plugin "${target.pluginId}" is enabled` : USAGE);
  }, log);
  return (req, res) => {
    const target = targetOf(req.url);
    return ((target ? byPlugin.get(target.pluginId) : undefined) ?? unknown)(req, res);
  };
}
