// Journey simulation (docs/simulation.md): what the engine offers the API and the worker.
export { runQueuedSimulations, type SimulationJobDeps } from './job';
export { followCustomer, type FollowRequest } from './follow';
export type { SimulationPopulation, SimulationResult, SimulationSpec, TraceEntry } from './types';
