// Every tRPC procedure, learnt from the router itself (appRouter._def.procedures), so a new
// one is fuzzed without an edit here. Inputs come from its own zod input schema (see
// json-schema.ts) with hostile values mixed in; sent as its kind expects (GET ?input= for a
// query, a POST body for a mutation), sometimes batched, sometimes by the wrong method or as
// broken JSON; as the signed-in owner or anonymously.
import { appRouter } from '@afterglow/api';
import fc from 'fast-check';
import type { z } from 'zod';
import { toJson, withHostility } from '../hostile';
import { arbitraryForZod, type Examples } from '../json-schema';
import type { FuzzRequest } from '../request';
import { brokenBody, percentEncode } from './common';

interface ProcedureDef { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] }

/** Path and kind of every query and mutation of the app's router (a subscription would stream, not answer). */
export function procedures(): Array<{ path: string; def: ProcedureDef }> {
  const record = (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures;
  return Object.entries(record).map(([path, p]) => ({ path, def: p._def })).filter((p) => p.def.type !== 'subscription');
}

const NO_INPUT = fc.constantFrom<unknown>(undefined, undefined, undefined, {}, null, 'x');

function requestFor(path: string, def: ProcedureDef, examples: Examples): fc.Arbitrary<FuzzRequest> {
  const input = withHostility(def.inputs[0] ? arbitraryForZod(def.inputs[0], examples) : NO_INPUT, 0.4);
  return fc.record({
    input,
    as: fc.constantFrom<FuzzRequest['as']>('owner', 'owner', 'owner', 'anonymous'),
    transport: fc.constantFrom('usual', 'usual', 'usual', 'usual', 'usual', 'usual', 'batch', 'wrong-method', 'broken'),
    broken: fc.nat(),
  }).map(({ input, as, transport, broken }): FuzzRequest => {
    const json = input === undefined ? undefined : toJson(input);
    const asQuery = (def.type === 'query') !== (transport === 'wrong-method');
    const batched = transport === 'batch';
    const route = `trpc ${path} (${as})`;
    const base = `/trpc/${path}${batched ? '?batch=1' : ''}`;
    const payload = batched ? `{"0":${json ?? 'null'}}` : json;
    if (asQuery) {
      const query = payload === undefined ? '' : `${batched ? '&' : '?'}input=${percentEncode(payload)}`;
      return { route, method: 'GET', path: base + query, headers: {}, as };
    }
    const sent = transport === 'broken' ? brokenBody(payload ?? '{}', broken) : { body: payload, bodyEncoding: 'utf8' as const };
    return { route, method: 'POST', path: base, headers: { 'content-type': 'application/json' }, as, ...sent };
  });
}

export function trpcRequests(examples: Examples): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...procedures().map((p) => requestFor(p.path, p.def, examples)));
}

/** Requests to the procedures named only: the sweep that makes sure chance skipped none. */
export function trpcRequestsTo(paths: string[], examples: Examples): fc.Arbitrary<FuzzRequest> {
  const chosen = procedures().filter((p) => paths.includes(p.path));
  return fc.oneof(...chosen.map((p) => requestFor(p.path, p.def, examples)));
}
