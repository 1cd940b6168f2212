// Version 2 of the A/B split gives each arm an id of its own. A draft on version 1 is migrated
// with the ids its arms' places had (a, b, c), so its connections stay and every run takes the
// arm it took before; a journey published on version 1 keeps running version 1.
import { branchesOf, configIssues, createTestContext } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../index';
import { abSplit } from './definition';
import { abSplitV1 } from './v1';

const registry = createRegistry();
const v1 = { arms: [{ name: 'Control', weight: 20 }, { name: 'Coupon', weight: 30 }, { name: 'Points', weight: 50 }] };

describe('A/B split version 2', () => {
  it('keeps both versions: the palette offers 2, journeys published on 1 find 1', () => {
    expect(registry.get('core/ab-split')).toBe(abSplit);
    expect(registry.get('core/ab-split', 1)).toBe(abSplitV1);
    expect(registry.all().filter((d) => d.id === 'core/ab-split')).toEqual([abSplit]);
  });

  it('migrates a version 1 config keeping every branch, saying what changed', () => {
    const migrated = registry.migrate('core/ab-split', 1, v1);
    expect(migrated).toEqual({
      version: 2,
      config: { arms: [{ id: 'a', name: 'Control', weight: 20 }, { id: 'b', name: 'Coupon', weight: 30 }, { id: 'c', name: 'Points', weight: 50 }] },
      notes: ['Each arm now keeps its connection when another arm is removed; the connections stay as they were'],
    });
    expect(configIssues(abSplit, migrated.config)).toEqual([]);
    expect(branchesOf(abSplit, migrated.config)).toEqual(branchesOf(abSplitV1, v1));
    // A draft still being filled in migrates too, with what it has.
    expect(registry.migrate('core/ab-split', 1, { arms: [{ name: '', weight: 100 }] }).config).toEqual({ arms: [{ id: 'a', name: '', weight: 100 }] });
  });

  it('sends every run down the arm version 1 sent it', async () => {
    const migrated = abSplit.config.parse(registry.migrate('core/ab-split', 1, v1).config);
    for (let i = 0; i < 300; i++) {
      const ctx = () => createTestContext({ run: { id: `run-${i}` }, nodeId: 'split' }).ctx;
      expect(await abSplit.execute!(ctx(), migrated)).toEqual(await abSplitV1.execute!(ctx(), v1));
    }
  });
});
