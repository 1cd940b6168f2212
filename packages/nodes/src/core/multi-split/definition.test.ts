import { branchesOf, configIssues, createTestContext, summaryOf, type JourneyEvent } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { conditionDefaults } from '../../shared/condition/schema';
import { createRegistry } from '../../index';
import { multiSplit } from './definition';
import { multiSplitV1 } from './v1';

const rule = (name: string, over: Partial<typeof conditionDefaults>, id = name.toLowerCase().replace(/\s/g, '')) => ({ ...conditionDefaults, id, name, ...over });
const rules = [
  rule('VIP', { customerField: 'attribute', attribute: 'tags', operator: 'contains', value: 'vip' }),
  rule('Big order', { source: 'order', operator: 'greater_than', number: 200 }),
  rule('Serbia', { source: 'event', eventProperty: 'shipping.country', operator: 'equals', value: 'RS' }),
];
const config = multiSplit.config.parse({ rules });
const order = (properties: Record<string, unknown>): JourneyEvent =>
  ({ messageId: 'm1', name: 'Order Completed', customerId: 'cust_test', properties, timestamp: new Date('2026-01-05T09:00:00Z') });

it('has a branch per rule, by the rule\'s id, named by the marketer, and one for everyone else', () => {
  expect(branchesOf(multiSplit, { rules })).toEqual([
    { id: 'rule:vip', label: 'VIP' }, { id: 'rule:bigorder', label: 'Big order' }, { id: 'rule:serbia', label: 'Serbia' },
    { id: 'else', label: 'Everyone else' },
  ]);
  // Renamed and moved to the top, a rule keeps its branch.
  expect(branchesOf(multiSplit, { rules: [{ ...rules[2], name: 'Srbija' }, rules[0]] }).map((b) => b.id)).toEqual(['rule:serbia', 'rule:vip', 'else']);
});

it('takes the first rule that holds, else everyone else', async () => {
  const branch = async (opts: Parameters<typeof createTestContext>[0]) => multiSplit.execute!(createTestContext(opts).ctx, config);
  const serbianBigOrder = { run: { trigger: order({ total: 300, shipping: { country: 'RS' } }) } };
  expect(await branch(serbianBigOrder)).toEqual({ kind: 'next', branch: 'rule:bigorder' });
  expect(await branch({ ...serbianBigOrder, customer: { attributes: { tags: ['VIP'] } } })).toEqual({ kind: 'next', branch: 'rule:vip' });
  expect(await branch({ run: { trigger: order({ total: 20, shipping: { country: 'rs' } }) } })).toEqual({ kind: 'next', branch: 'rule:serbia' });
  expect(await branch({ run: { trigger: order({ total: 20 }) } })).toEqual({ kind: 'next', branch: 'else' });
});

it('names each rule\'s problems at its place, and refuses two rules of one name', () => {
  const issues = configIssues(multiSplit, { rules: [rules[0], rule('vip ', { operator: 'equals' }, 'other')] }, 'sl');
  expect(issues).toEqual([
    { field: 'rules.1.value', message: 'Vpišite vrednost' },
    { field: 'rules.1.name', message: 'Vsako pravilo potrebuje svoje ime' },
  ]);
  expect(configIssues(multiSplit, { rules: [] }).map((i) => i.message)).toEqual(['Add a rule']);
});

it('names its rules on the card', () => {
  expect(summaryOf(multiSplit, { rules })).toBe('First that holds: “VIP”, “Big order”, “Serbia”; else everyone else');
  expect(summaryOf(multiSplit, { rules: [rules[0], rule('Србија', { operator: 'is_set' })] }, 'sr-Latn')).toBe('Prvo koje važi: „VIP“, „Србија“; inače svi ostali');
});

it('migrates a version 1 config keeping every branch: a rule\'s id is its name in lower case', () => {
  const registry = createRegistry();
  expect(registry.get('core/multi-split', 1)).toBe(multiSplitV1);
  const v1 = { rules: rules.map(({ id: _, ...r }) => r) };
  const migrated = registry.migrate('core/multi-split', 1, v1);
  expect(migrated.version).toBe(2);
  expect(migrated.notes).toEqual(['A rule now keeps its connection when it is renamed; the connections stay as they were']);
  expect((migrated.config.rules as { id: string }[]).map((r) => r.id)).toEqual(['vip', 'big order', 'serbia']);
  expect(configIssues(multiSplit, migrated.config)).toEqual([]);
  expect(branchesOf(multiSplit, migrated.config)).toEqual(branchesOf(multiSplitV1, v1));
});
