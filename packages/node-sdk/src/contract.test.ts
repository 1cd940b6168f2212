import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HOLDOUT_REASON } from './context.js';
import { configIssues, defineNodeType, loopTurns, summaryOf } from './define.js';
import { localizeNode } from './i18n.js';
import { hold, next } from './instructions.js';
import { defineConfig, definePlugin, defineService } from './plugin.js';
import { NodeRegistry } from './registry.js';
import { durationSchema, itemIdSchema, newItemId } from './schemas.js';
import { createTestContext } from './testing.js';

const v1 = defineNodeType({
  id: 'acme/greet', version: 1, category: 'action',
  config: z.object({ text: z.string().meta({ label: 'Text' }) }),
  defaults: { text: 'Hi' },
  ui: { label: 'Greet', description: 'Says hi', icon: 'message', color: 'sky', branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale) => (locale === 'sl' ? `Pozdrav: ${c.text}` : `Greets: ${c.text}`) },
  counters: [{ id: 'greeted', label: 'Greeted' }],
  execute: (ctx) => { ctx.count('greeted'); return next(); },
});

const v2 = defineNodeType({
  id: 'acme/greet', category: 'action', counters: v1.counters, version: 2,
  config: z.object({ greeting: z.string().meta({ label: 'Greeting' }), shout: z.boolean() }),
  defaults: { greeting: 'Hi', shout: false },
  ui: { label: 'Greet', description: 'Says hi', icon: 'message', color: 'sky', branches: [{ id: 'out', label: 'Then' }], summary: (c) => `Greets: ${c.greeting}` },
  migrations: [{ from: 1, up: (c) => ({ greeting: c.text, shout: false }), note: 'Text is now Greeting; Shout is off' }],
  translations: { sr: { label: 'Поздрав' }, 'sr-Latn': { label: 'Pozdrav', fields: { greeting: { label: 'Pozdrav' } } } },
  execute: () => next(),
});

describe('node SDK v1 contract', () => {
  it('keeps every version of a node type; the palette sees the newest', () => {
    const registry = new NodeRegistry([v1, v2]);
    expect(registry.get('acme/greet')?.version).toBe(2);
    expect(registry.get('acme/greet', 1)).toBe(v1);
    expect(registry.all()).toEqual([v2]);
    expect(() => registry.register(v2)).toThrow(/registered twice/);
  });

  it('migrates an old config step by step, with the notes to show', () => {
    const registry = new NodeRegistry([v1, v2]);
    expect(registry.migrate('acme/greet', 1, { text: 'Zdravo' })).toEqual({
      version: 2, config: { greeting: 'Zdravo', shout: false }, notes: ['Text is now Greeting; Shout is off'],
    });
  });

  it('refuses a version without its migrations, a reserved counter, a bad id', () => {
    expect(() => defineNodeType({ ...v2, migrations: [] })).toThrow(/no migration from version 1/);
    expect(() => defineNodeType({ ...v1, counters: [{ id: 'entered', label: 'x' }] })).toThrow(/counted by the engine/);
    expect(() => defineNodeType({ ...v1, id: 'Greet' })).toThrow(/namespace\/name/);
  });

  it('localises text, falling back from sr-Latn-RS to sr-Latn to sr to English', () => {
    expect(localizeNode(v2, 'sr-Latn-RS').label).toBe('Pozdrav');
    expect(localizeNode(v2, 'sr-Cyrl').label).toBe('Поздрав');
    expect(localizeNode(v2, 'ru').label).toBe('Greet');
    expect(localizeNode(v2, 'sr-Latn').field('greeting', { label: 'Greeting', help: 'h' })).toEqual({ label: 'Pozdrav', help: 'h', placeholder: undefined });
    expect(summaryOf(v1, { text: 'x' }, 'sl')).toBe('Pozdrav: x');
  });

  it('gives the summary the names of what its config refers to, when the caller has them', () => {
    const invite = defineNodeType({
      id: 'acme/invite', version: 1, category: 'action',
      config: z.object({ segmentId: z.string().min(1) }),
      defaults: { segmentId: '' },
      ui: {
        label: 'Invite', description: 'Invites a segment', icon: 'segments', color: 'sky', branches: [{ id: 'out', label: 'Then' }],
        summary: (c, _locale, names) => {
          if (!names?.segment) return 'Invites a segment';
          const name = names.segment(c.segmentId);
          return name ? `Invites “${name}”` : 'Invites a deleted segment';
        },
      },
      execute: () => next(),
    });
    const segments = new Map([['seg_1', 'VIP']]);
    const names = { segment: (id: string) => segments.get(id) };
    expect(summaryOf(invite, { segmentId: 'seg_1' }, 'en', names)).toBe('Invites “VIP”');
    expect(summaryOf(invite, { segmentId: 'seg_gone' }, 'en', names)).toBe('Invites a deleted segment');
    expect(summaryOf(invite, { segmentId: 'seg_1' })).toBe('Invites a segment');
    expect(summaryOf(invite, { segmentId: 'seg_1' }, 'en', {})).toBe('Invites a segment');
  });

  it('translates validation messages: the node\'s own (with {name} parts), then the SDK\'s ready-made fields\'', () => {
    const greet = defineNodeType({
      ...v1,
      config: z.object({
        text: z.string().min(1, 'Write the greeting').refine((t) => t !== 'x', { message: 'x is not a greeting' }),
        after: durationSchema({ label: 'After', min: 2 }),
      }),
      defaults: { text: 'Hi', after: { amount: 2, unit: 'days' } },
      ui: { ...v1.ui, summary: (c) => c.text },
      execute: () => next(),
      translations: { sl: { messages: { 'Write the greeting': 'Napišite pozdrav', '{word} is not a greeting': '{word} ni pozdrav' } } },
    });
    const issues = (text: string, amount: number, locale?: string) => configIssues(greet, { text, after: { amount, unit: 'days' } }, locale);
    expect(issues('', 2, 'sl')).toEqual([{ field: 'text', message: 'Napišite pozdrav' }]);
    expect(issues('x', 1, 'sl')).toEqual([{ field: 'text', message: 'x ni pozdrav' }, { field: 'after.amount', message: 'Najmanj 2' }]);
    expect(issues('x', 1.5, 'sr-Latn-RS').map((i) => i.message)).toEqual(['x is not a greeting', 'Ceo broj']);
    expect(issues('', 2)).toEqual([{ field: 'text', message: 'Write the greeting' }]);
    expect(summaryOf(greet, {}, 'ru')).toBe('Нужно настроить');
    expect(summaryOf(greet, {}, 'de')).toBe('Needs configuration');
  });

  it('records counts, queued effects (checked, once per key) and holds in the test context', async () => {
    const sms = defineService({
      id: 'acme/sms', label: 'SMS', payload: z.object({ to: z.string().min(3) }),
      deliver: async () => ({ status: 'delivered' }),
    });
    const { ctx, effects } = createTestContext();
    await v1.execute!(ctx, { text: 'x' });
    await ctx.enqueue(sms, { to: '+381' });
    await ctx.enqueue(sms, { to: '+381' });
    await expect(ctx.enqueue(sms, { to: '' })).rejects.toMatchObject({ code: 'config', field: 'to' });
    expect(effects.counts).toEqual({ greeted: 1 });
    expect(effects.queued).toEqual([{ service: 'acme/sms', key: 'run_test:node_test:acme/sms', payload: { to: '+381' } }]);
    expect(hold(new Date(0), 'quiet hours')).toEqual({ kind: 'hold', until: new Date(0), reason: 'quiet hours' });
  });

  it('checks plugins where they are defined', () => {
    const plugin = definePlugin({ id: 'acme', nodeTypes: [v1, v2] });
    expect(() => defineConfig({ plugins: [plugin, plugin] })).toThrow(/enabled twice/);
    expect(() => definePlugin({ id: 'acme', nodeTypes: [], routes: [{ method: 'POST', path: '../x', handle: async () => ({ status: 200 }) }] }))
      .toThrow(/route path/);
    expect(new NodeRegistry([], [plugin]).plugins()).toEqual([plugin]);
  });

  it('withholds a held-out run\'s effects in the test context, counting them', async () => {
    const { ctx, effects } = createTestContext();
    await ctx.services.email.send({ subject: 'Hi', body: '<mjml />', kind: 'marketing' });
    ctx.holdOut();
    expect(ctx.run.context.holdout).toEqual({ nodeId: 'node_test', at: '2026-01-05T10:00:00.000Z' });
    expect(await ctx.services.email.send({ subject: 'Hi', body: '<mjml />', kind: 'marketing' })).toEqual({ status: 'skipped', reason: HOLDOUT_REASON });
    await ctx.services.points.grant(5, 'x');
    expect((await ctx.services.coupons.issue({ kind: 'percent', value: 10, prefix: 'X', validDays: 1, minOrderTotal: 0, description: '' })).code).toBe('');
    expect(await ctx.sendPolicy.check({ channel: 'sms', kind: 'marketing' })).toEqual({ decision: 'skip', reason: HOLDOUT_REASON });
    expect(effects).toMatchObject({ emails: [{ subject: 'Hi' }], points: [], coupons: [], heldOut: 4 });
    expect(ctx.run.context.coupon).toBeUndefined();
  });

  it('declares a bounded loop: checked where defined, turns read from the run, the branch\'s step named to the summary', () => {
    const again = defineNodeType({
      ...v1, id: 'acme/again', counters: [],
      ui: { ...v1.ui, branches: [{ id: 'again', label: 'Again' }, { id: 'done', label: 'Done' }],
        summary: (c, _locale, names) => `Back to ${names?.branch?.('again') ?? 'nothing'}` },
      loop: { branch: 'again', limit: () => 2 },
      execute: (ctx) => next(loopTurns(ctx) < 2 ? 'again' : 'done'),
    });
    expect(() => defineNodeType({ ...again, loop: { branch: 'back', limit: () => 2 } })).toThrow(/loop branch "back"/);
    expect(summaryOf(again, { text: 'x' }, 'en', { branch: (b) => (b === 'again' ? 'Send email' : undefined) })).toBe('Back to Send email');
    expect(summaryOf(again, { text: 'x' })).toBe('Back to nothing');
    const turns = (context: Record<string, unknown>) => loopTurns(createTestContext({ run: { context } }).ctx);
    expect([turns({}), turns({ loops: { node_test: 2 } }), turns({ loops: { other: 5 } }), turns({ loops: { node_test: 'x' } })]).toEqual([0, 2, 0, 0]);
  });

  it('gives list items ids of their own: new ones differ, a lost one is named', () => {
    const ids = new Set(Array.from({ length: 1_000 }, newItemId));
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{10}$/);
    expect(z.toJSONSchema(itemIdSchema())).toMatchObject({ type: 'string', widget: 'item-id' });
    const lists = defineNodeType({
      id: 'acme/lists', version: 1, category: 'action', defaults: { items: [] },
      config: z.object({ items: z.array(z.object({ id: itemIdSchema(), name: z.string() })) }),
      ui: { ...v1.ui, branches: [{ id: 'out', label: 'Then' }], summary: () => '' }, execute: () => next(),
    });
    expect(configIssues(lists, { items: [{ id: ' ', name: 'A' }] }, 'ru'))
      .toEqual([{ field: 'items.0.id', message: 'У этого элемента пропал идентификатор: удалите его и добавьте заново' }]);
  });
});
