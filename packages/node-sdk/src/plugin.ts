// A plugin: the npm package a developer ships. It bundles node types, the services they
// queue effects with, HTTP routes for providers' callbacks, and web widgets. Afterglow reads
// one list of plugins (afterglow.config.ts at the repo root): the server and the web app both
// build their node types from it, so a node type is never registered twice.
import type { Logger } from './logger.js';
import type { FieldMeta } from './meta.js';
import type { AnyServiceDefinition, ServiceDefinition } from './services.js';
import type { AnyNodeTypeDefinition } from './types.js';
import type { z } from 'zod';

export interface RouteRequest {
  method: string;
  /** The public URL the provider called (what a signature such as Twilio's is computed over). */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The raw body (at most 1 MB); `form()` and `json()` parse it. */
  body: string;
  form(): Record<string, string>;
  json(): unknown;
}

export interface RouteResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** What a route may do: settle its service's effects, read settings, update customers. */
export interface RouteContext {
  workspaceId: string;
  now(): Date;
  log: Logger;
  /** The workspace's settings of a service of this plugin (secrets opened), or null. */
  settings<S extends AnyServiceDefinition>(service: S): Promise<z.output<NonNullable<S['settings']>> | null>;
  /**
   * The final outcome of an effect the provider accepted (`status: 'accepted'`), found by the
   * provider's id. Returns false when no such effect exists (an unknown or foreign id). Settling
   * twice keeps the first final outcome: providers repeat callbacks.
   */
  settle(service: AnyServiceDefinition, externalId: string,
    outcome: { status: 'delivered' | 'failed'; error?: string; count?: string }): Promise<boolean>;
  customers: {
    /** Ids of the customers whose attribute `name` equals `value` (e.g. phone '+38160...'). */
    findByAttribute(name: string, value: string): Promise<string[]>;
    /** Merges attributes into the customer's, like an identify call. */
    setAttributes(customerId: string, attributes: Record<string, unknown>): Promise<void>;
  };
  /** Records an event for the customer, like a track call: it can start and steer journeys. */
  track(customerId: string, event: string, properties?: Record<string, unknown>): Promise<void>;
}

export interface PluginRoute {
  method: 'GET' | 'POST';
  /** Under `/hooks/<plugin id>/<workspace id>/`: e.g. 'status' or 'inbound'. Letters, digits, - and /. */
  path: string;
  handle(request: RouteRequest, ctx: RouteContext): Promise<RouteResponse>;
}

export interface WidgetProps {
  /** The input's DOM id (its label points at it). */
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  /** The field's hints, in the user's language. */
  meta: FieldMeta;
  /** The whole config of the node being edited (for widgets that depend on siblings). */
  config: Record<string, unknown>;
  invalid: boolean;
  disabled: boolean;
}

/**
 * A web widget: a React function component (the plugin brings its own `react` peer). Typed
 * without React here so the SDK stays free of it.
 */
export type WidgetComponent = (props: WidgetProps) => unknown;

export interface AfterglowPlugin {
  /** npm-like name, used in URLs and in widget ids: 'sms'. Lower-case letters, digits and -. */
  id: string;
  nodeTypes: readonly AnyNodeTypeDefinition[];
  services?: readonly AnyServiceDefinition[];
  routes?: readonly PluginRoute[];
  /** By widget name: `widget: '<plugin id>/<name>'` in a field's `.meta()` uses it. */
  widgets?: Readonly<Record<string, WidgetComponent>>;
}

export interface AfterglowConfig {
  plugins: readonly AfterglowPlugin[];
}

const PLUGIN_ID = /^[a-z0-9][a-z0-9-]{0,40}$/;
const ROUTE_PATH = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Checks the plugin's shape once, where it is defined, with messages naming the part at fault. */
export function definePlugin(plugin: AfterglowPlugin): AfterglowPlugin {
  if (!PLUGIN_ID.test(plugin.id)) throw new Error(`Plugin id "${plugin.id}" must be lower-case letters, digits and -`);
  const services = new Set<string>();
  for (const s of plugin.services ?? []) {
    if (services.has(s.id)) throw new Error(`${plugin.id}: service ${s.id} is listed twice`);
    services.add(s.id);
  }
  for (const r of plugin.routes ?? []) {
    if (!ROUTE_PATH.test(r.path)) throw new Error(`${plugin.id}: route path "${r.path}" must be letters, digits, - and /`);
  }
  for (const name of Object.keys(plugin.widgets ?? {})) {
    if (!PLUGIN_ID.test(name)) throw new Error(`${plugin.id}: widget name "${name}" must be lower-case letters, digits and -`);
  }
  return plugin;
}

/** Identity at run time; types afterglow.config.ts. */
export function defineConfig(config: AfterglowConfig): AfterglowConfig {
  const ids = new Set<string>();
  for (const p of config.plugins) {
    if (ids.has(p.id)) throw new Error(`Plugin ${p.id} is enabled twice`);
    ids.add(p.id);
  }
  return config;
}

/** Identity at run time; gives the payload and settings their inferred types in `deliver`. */
export function defineService<P extends z.ZodType, S extends z.ZodType = z.ZodNever>(
  service: ServiceDefinition<P, S>,
): ServiceDefinition<P, S> {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(service.id)) throw new Error(`Service id "${service.id}" must look like "namespace/name"`);
  return service;
}
