// The one place node types and services are looked up; nothing else knows the list of ids.
// Node types are keyed by id and version: a journey published on version 1 keeps running
// version 1's definition after version 2 is installed; the palette offers the newest.
import type { AfterglowPlugin } from './plugin.js';
import type { AnyServiceDefinition } from './services.js';
import type { AnyNodeTypeDefinition, NodeTypeDefinition } from './types.js';

export interface MigratedConfig {
  version: number;
  config: Record<string, unknown>;
  /** One note per version step applied, oldest first. */
  notes: string[];
}

export class NodeRegistry {
  /** id -> version -> definition */
  private readonly byId = new Map<string, Map<number, NodeTypeDefinition>>();
  private readonly servicesById = new Map<string, AnyServiceDefinition>();
  private readonly pluginList: AfterglowPlugin[] = [];

  constructor(definitions: readonly AnyNodeTypeDefinition[] = [], plugins: readonly AfterglowPlugin[] = []) {
    for (const def of definitions) this.register(def);
    for (const plugin of plugins) this.registerPlugin(plugin);
  }

  register(def: AnyNodeTypeDefinition): this {
    const versions = this.byId.get(def.id) ?? new Map<number, NodeTypeDefinition>();
    if (versions.has(def.version)) throw new Error(`Node type ${def.id} v${def.version} is registered twice`);
    versions.set(def.version, def);
    this.byId.set(def.id, versions);
    return this;
  }

  registerPlugin(plugin: AfterglowPlugin): this {
    if (this.pluginList.some((p) => p.id === plugin.id)) throw new Error(`Plugin ${plugin.id} is registered twice`);
    for (const def of plugin.nodeTypes) this.register(def);
    for (const service of plugin.services ?? []) {
      if (this.servicesById.has(service.id)) throw new Error(`Service ${service.id} is registered twice`);
      this.servicesById.set(service.id, service);
    }
    this.pluginList.push(plugin);
    return this;
  }

  /** The given version, or the newest when no version is asked for. */
  get(id: string, version?: number): NodeTypeDefinition | undefined {
    const versions = this.byId.get(id);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version);
    return versions.get(Math.max(...versions.keys()));
  }

  require(id: string, version?: number): NodeTypeDefinition {
    const def = this.get(id, version);
    if (!def) throw new Error(`Unknown node type "${id}"${version === undefined ? '' : ` version ${version}`}`);
    return def;
  }

  /** The newest version of each node type, in registration order: the palette. */
  all(): NodeTypeDefinition[] {
    return [...this.byId.keys()].map((id) => this.get(id)!);
  }

  triggers(): NodeTypeDefinition[] {
    return this.all().filter((d) => d.category === 'trigger');
  }

  /**
   * A config written for `fromVersion` brought to the newest version, one migration per step.
   * Throws when a step is missing: the package must ship every migration from its oldest version.
   */
  migrate(id: string, fromVersion: number, config: Record<string, unknown>): MigratedConfig {
    const latest = this.require(id);
    const notes: string[] = [];
    let current = config;
    for (let v = fromVersion; v < latest.version; v++) {
      const step = latest.migrations?.find((m) => m.from === v);
      if (!step) throw new Error(`${id}: no migration from version ${v} to ${v + 1}`);
      current = step.up(current);
      notes.push(step.note);
    }
    return { version: latest.version, config: current, notes };
  }

  service(id: string): AnyServiceDefinition | undefined {
    return this.servicesById.get(id);
  }

  services(): AnyServiceDefinition[] {
    return [...this.servicesById.values()];
  }

  plugins(): readonly AfterglowPlugin[] {
    return this.pluginList;
  }
}
