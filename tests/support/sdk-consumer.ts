// A third party's project using @afterglow/node-sdk: its own node type, service and plugin, and
// a script that exercises them and prints what they did. Strict, NodeNext, the SDK's declarations
// checked too: what a developer's project would see of the package.

export const consumerProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'sdk-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true,
      // The SDK's declarations are checked too, not only used (TypeScript's own lib files are not).
      skipLibCheck: false, skipDefaultLibCheck: true, noEmitOnError: true,
      lib: ['ES2023', 'DOM'], types: [], rootDir: 'src', outDir: 'dist',
    },
    include: ['src'],
  }, null, 2),
  'src/welcome-points.ts': `
import { defineNodeType, definePlugin, defineService, exit, hold, next, NodeError } from '@afterglow/node-sdk';
import { z } from 'zod';

export const crmNotes = defineService({
  id: 'acme/crm-notes',
  label: 'Acme CRM notes',
  payload: z.object({ customerId: z.string(), note: z.string().min(1) }),
  deliver: async (effect) => (effect.payload.note ? { status: 'delivered', count: 'noted' } : { status: 'failed', error: 'empty' }),
});

export const welcomePoints = defineNodeType({
  id: 'acme/welcome-points',
  version: 1,
  category: 'action',
  config: z.object({
    points: z.number().int().min(1, 'Grant at least 1 point').meta({ label: 'Points', unit: 'points' }),
    note: z.string().meta({ label: 'CRM note', widget: 'textarea' }),
  }),
  defaults: { points: 50, note: 'Welcomed' },
  ui: {
    label: 'Welcome points',
    description: 'Grants loyalty points to a new customer and notes it in the CRM.',
    icon: 'gift',
    color: 'emerald',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c) => \`\${c.points} points\`,
  },
  counters: [{ id: 'granted', label: 'Points granted', tone: 'good' }, { id: 'noted', label: 'Noted in the CRM' }],
  execute: async (ctx, c) => {
    if (!ctx.customer.marketingConsent) return exit('No marketing consent');
    const verdict = await ctx.sendPolicy.check({ channel: 'crm', kind: 'marketing', whenCapped: 'hold' });
    if (verdict.decision === 'hold') return hold(verdict.until, verdict.reason);
    if (c.note.length > 500) throw new NodeError('The note is too long for the CRM', { code: 'config', field: 'note' });
    await ctx.services.points.grant(c.points, 'Welcome');
    ctx.count('granted', c.points);
    await ctx.enqueue(crmNotes, { customerId: ctx.customer.id, note: c.note });
    return next();
  },
});

export default definePlugin({ id: 'acme', nodeTypes: [welcomePoints], services: [crmNotes] });
`,
  'src/main.ts': `
import { configIssues, NodeError, NodeRegistry, nextLocalTime, summaryOf } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import { z } from 'zod';
import acme, { welcomePoints } from './welcome-points.js';

const config = { points: 75, note: 'Welcome mail sent' };
const { ctx, effects } = createTestContext({ now: new Date('2026-01-07T12:00:00Z') });
const instruction = await welcomePoints.execute!(ctx, config);
const declined = createTestContext({ customer: { marketingConsent: false } });
const quiet = createTestContext({ sendPolicy: () => ({ decision: 'hold', until: new Date('2026-01-08T08:00:00Z'), reason: 'Quiet hours' }) });
const tooLong = await Promise.resolve(welcomePoints.execute!(ctx, { ...config, note: 'x'.repeat(501) })).catch((e: unknown) => e);

/** Never called: proves types reach a plugin through the declarations. */
export function typesAreChecked() {
  z.string().meta({
    // @ts-expect-error .meta() is typed by the SDK: no widget of that name
    widget: 'datetme',
  });
  // @ts-expect-error points is a number in the schema
  return welcomePoints.execute!(ctx, { points: 'many', note: 'x' });
}

console.log(JSON.stringify({
  instruction,
  points: effects.points,
  counts: effects.counts,
  queued: effects.queued,
  skipped: await welcomePoints.execute!(declined.ctx, config),
  held: await welcomePoints.execute!(quiet.ctx, config),
  error: tooLong instanceof NodeError ? { code: tooLong.code, field: tooLong.field, retryable: tooLong.retryable } : String(tooLong),
  issues: configIssues(welcomePoints, { ...config, points: 0 }),
  summary: summaryOf(welcomePoints, config),
  registered: new NodeRegistry([], [acme]).all().map((d) => \`\${d.id}@\${d.version}\`),
  services: new NodeRegistry([], [acme]).services().map((s) => s.id),
  nextMonday: nextLocalTime(ctx.now(), 'Europe/Berlin', 10, 1).toISOString(),
}));
`,
};
