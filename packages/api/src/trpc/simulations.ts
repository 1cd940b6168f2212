// Journey simulations (docs/simulation.md): start one on the draft or a version (queued for the
// worker's job), read its progress and result, cancel it, list a journey's latest, and follow one
// customer's path (replayed at once: one customer's events are few).
import { cancelSimulation, followOne, getSimulation, listSimulations, startSimulation } from '../simulations/repository';
import { followInput, listInput, simulationIdInput, startInput } from '../simulations/schema';
import { protectedProcedure, router } from './init';

export const simulationsRouter = router({
  start: protectedProcedure
    .input(startInput)
    .mutation(({ ctx, input }) => startSimulation(ctx.deps, ctx.user.workspaceId, ctx.user.id, input)),

  get: protectedProcedure
    .input(simulationIdInput)
    .query(({ ctx, input }) => getSimulation(ctx.deps, ctx.user.workspaceId, input.simulationId)),

  list: protectedProcedure
    .input(listInput)
    .query(({ ctx, input }) => listSimulations(ctx.deps, ctx.user.workspaceId, input.journeyId)),

  cancel: protectedProcedure
    .input(simulationIdInput)
    .mutation(({ ctx, input }) => cancelSimulation(ctx.deps, ctx.user.workspaceId, input.simulationId)),

  followCustomer: protectedProcedure
    .input(followInput)
    .query(({ ctx, input }) => followOne(ctx.deps, ctx.user.workspaceId, input)),
});
