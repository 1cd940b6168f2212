// The simulation shapes as the API answers them (packages/engine/src/simulation/types.ts).
import type { Api, inferOutput } from '../../trpc';

export type Simulation = inferOutput<Api['simulations']['get']>;
export type SimulationSummary = inferOutput<Api['simulations']['list']>[number];
export type SimulationResult = NonNullable<Simulation['result']>;
export type TraceEntry = inferOutput<Api['simulations']['followCustomer']>['trace'][number];

/** Still to finish: the panel polls these. */
export const isRunning = (s: { status: string }) => s.status === 'queued' || s.status === 'running';

/** What a simulation replayed: its draft or the version it names. */
export const sourceOf = (s: { versionId: string | null }) =>
  (s.versionId ? { kind: 'version' as const, versionId: s.versionId } : { kind: 'draft' as const });
