import type { NodeTypeDefinition } from './types.js';

/** The one place node types are looked up; nothing else knows the list of ids. */
export class NodeRegistry {
  private readonly byId = new Map<string, NodeTypeDefinition>();

  constructor(definitions: readonly NodeTypeDefinition<any>[] = []) {
    for (const def of definitions) this.register(def);
  }

  register(def: NodeTypeDefinition<any>): this {
    if (this.byId.has(def.id)) throw new Error(`Node type ${def.id} is registered twice`);
    this.byId.set(def.id, def as NodeTypeDefinition);
    return this;
  }

  get(id: string): NodeTypeDefinition | undefined {
    return this.byId.get(id);
  }

  require(id: string): NodeTypeDefinition {
    const def = this.byId.get(id);
    if (!def) throw new Error(`Unknown node type "${id}"`);
    return def;
  }

  all(): NodeTypeDefinition[] {
    return [...this.byId.values()];
  }

  triggers(): NodeTypeDefinition[] {
    return this.all().filter((d) => d.category === 'trigger');
  }
}
