// Journeys as files (docs/journey-format.md): an exported journey imports as a new draft with its
// own copies of the templates it sends (every language) and the segments it names, rewired to
// their new ids, and publishes; a broken file is refused as a 400 naming each problem's step.
import { alertStaff, segmentCondition, sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import type { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { shop, starter, t } from './support/playbook';

const refusal = async (file: unknown) => {
  const err = await t.api.journeys.importFile({ file }).then(() => null, (e: unknown) => e as TRPCError & { cause: { issues: { path: string[]; message: string }[] } });
  expect(err?.code).toBe('BAD_REQUEST');
  return err!.cause.issues.map((i) => `${i.path[0]} | ${i.message}`);
};

it('exports a journey with its templates and segments, and imports it as a draft that publishes', async () => {
  await shop();
  const vips = await t.segment({ kind: 'orders', measure: 'count', op: 'gte', value: 3 }, 'Regulars');
  const review = await starter('review-request');
  const original = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_delivered', entryKeyProperty: 'order_id' })
    .then(wait, { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 })
    .then(segmentCondition, { segmentId: vips }, { id: 'regular' })
    .branch('yes', (b) => b.then(sendEmail, { templateId: review }, { id: 'ask' })), { settings: { reentry: { mode: 'once' }, goal: null } });

  const file = JSON.parse(JSON.stringify(await t.api.journeys.exportFile({ id: original.id })));
  expect(file).toMatchObject({ format: 'afterglow.journey', version: 1, settings: { reentry: { mode: 'once' } } });
  expect(file.templates).toHaveLength(1);
  expect(Object.keys(file.templates[0].variants).sort()).toEqual(['ru', 'sl', 'sr']);
  expect(file.segments).toMatchObject([{ name: 'Regulars', rule: { kind: 'orders', value: 3 } }]);

  const imported = await t.api.journeys.importFile({ file });
  const draft = await t.api.journeys.get({ id: imported.id });
  expect(draft).toMatchObject({ status: 'draft', settings: { reentry: { mode: 'once' } } });
  const ask = draft.draft.nodes.find((n) => n.id === 'ask')!;
  expect(ask.config.templateId).not.toBe(review);
  const copy = await t.api.templates.get({ id: ask.config.templateId as string });
  expect(copy.name).toBe('Review request (2)');
  expect(Object.keys(copy.variants).sort()).toEqual(['ru', 'sl', 'sr']);
  // The same segment (same name and rule) is reused, not copied.
  expect(draft.draft.nodes.find((n) => n.id === 'regular')!.config.segmentId).toBe(vips);
  expect(await t.api.journeys.publish({ id: imported.id })).toMatchObject({ ok: true, version: 1 });
  const [audit] = await t.database.sql`select action from audit_log where workspace_id = ${t.workspaceId} and action = 'journeys.importFile'`;
  expect(audit).toBeDefined();
});

it('refuses a broken file, naming each problem by its step and field', async () => {
  await shop();
  const graph = t.journey()
    .trigger(triggerOnEvent, { event: 'Review Submitted' })
    .then(wait, { mode: 'duration', amount: 2, unit: 'days' }, { id: 'pause' })
    .then(alertStaff, { to: 'address', address: 'care@shop.example' }, { id: 'alert' })
    .then(sendEmail, { templateId: 'sorry' }, { id: 'sorry-mail' })
    .build();
  graph.nodes[1] = { ...graph.nodes[1], label: 'Give it two days', config: { ...graph.nodes[1].config, amount: 'two' } };
  graph.edges.push({ id: 'ghost', source: 'alert', sourceHandle: 'out', target: 'nowhere' });
  const file = { format: 'afterglow.journey', version: 1, name: 'Rescue', graph };

  expect(await refusal(file)).toEqual([
    'graph.nodes.2.edges | Step “alert”, edges: Connection ghost points to a missing node',
    'graph.nodes.1.config.amount | Step “Give it two days”, config.amount: Invalid input: expected number, received string',
    'graph.nodes.3.config.templateId | Step “sorry-mail”, config.templateId: Refers to the email template “sorry”, which the file does not carry (add it to “templates”)',
  ]);
  graph.nodes[1].config.amount = 2;
  expect(await refusal(file)).toEqual([
    'graph.nodes.2.edges | Step “alert”, edges: Connection ghost points to a missing node',
    'graph.nodes.3.config.templateId | Step “sorry-mail”, config.templateId: Refers to the email template “sorry”, which the file does not carry (add it to “templates”)',
  ]);
  expect(await refusal({ ...file, format: 'something else' })).toEqual(['format | format: Not a journey file: "format" must be "afterglow.journey"']);
  expect(await refusal({ ...file, version: 2 })).toEqual(['version | version: Written for journey file version 2; this Afterglow reads up to version 1']);
  const broken = { ref: 'sorry', name: 'Sorry', kind: 'transactional', subject: 'Sorry', body: '<mjml><mj-body><mj-text>{{ oops </mj-text></mj-body></mjml>' };
  graph.edges.pop();
  const [problem] = await refusal({ ...file, templates: [broken] });
  expect(problem).toMatch(/^templates\.0\.body \| templates\.0\.body: “Sorry”: /);
  expect((await t.api.journeys.list()).journeys).toHaveLength(0);
});
