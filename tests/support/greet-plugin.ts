// A node type shipped in two versions, as a plugin package would after an upgrade: version 2
// renames the text to a greeting of at most 160 characters and adds Shout. Version 1 stays
// exported so journeys published on it keep running it.
import { defineNodeType, definePlugin, exit, type AnyNodeTypeDefinition } from '@afterglow/node-sdk';
import { z } from 'zod';

const ui = { label: 'Greet', description: 'Says hello, and ends the journey', icon: 'message' as const, color: 'sky' as const, branches: [] };

export const greetV1 = defineNodeType({
  id: 'test/greet', version: 1, category: 'action',
  config: z.object({ text: z.string().min(1).meta({ label: 'Text' }) }),
  defaults: { text: 'Hello' },
  ui: { ...ui, summary: (c) => c.text },
  execute: (_ctx, c) => exit(`v1 said ${c.text}`),
});

export const greetV2 = defineNodeType({
  id: 'test/greet', version: 2, category: 'action',
  config: z.object({
    greeting: z.string().min(1).max(160, 'Keep the greeting to 160 characters').meta({ label: 'Greeting' }),
    shout: z.boolean().meta({ label: 'Shout' }),
  }),
  defaults: { greeting: 'Hello', shout: false },
  ui: { ...ui, summary: (c) => (c.shout ? `${c.greeting.toUpperCase()}!` : c.greeting) },
  migrations: [{ from: 1, up: (c) => ({ greeting: c.text, shout: false }), note: 'Text is now called Greeting (at most 160 characters); the new Shout option is off' }],
  execute: (_ctx, c) => exit(`v2 said ${c.shout ? c.greeting.toUpperCase() : c.greeting}`),
});

/** The package as installed: before the upgrade `greetPlugin(greetV1)`, after it both versions. */
export const greetPlugin = (...nodeTypes: AnyNodeTypeDefinition[]) => definePlugin({ id: 'test-greet', nodeTypes });
