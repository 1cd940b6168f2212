// Property-based fuzzing of every public HTTP route and every tRPC procedure of the real
// app (see the routes/ folder for what each surface is sent). For every request: an answer
// (the server stays up), no 5xx, no stack trace or source path in an error body, a refused
// request (4xx) wrote nothing (no row trigger noted a write), and a batch keeps exactly its
// good messages; after them all, /healthz still answers. The seed is printed: FUZZ_SEED
// replays a run, FUZZ_RUNS changes its size, FUZZ_SHRINK=1 shrinks a failure to a smaller one.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFuzzApp, type FuzzApp } from './app';
import { createSender, rawRequest, type FuzzRequest, type Sender } from './request';
import { bounceRequests, relayWebhookRequests } from './routes/bounces';
import { publicRequests } from './routes/public';
import { segmentRequests } from './routes/segment';
import { shopifyRequests } from './routes/shopify';
import { staticRequests } from './routes/static';
import { procedures, trpcRequests, trpcRequestsTo } from './routes/trpc';
import { problemsOf } from './verdict';
import { installWriteLog } from './write-log';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_400);

let fuzz: FuzzApp;
let sender: Sender;
let writes: Awaited<ReturnType<typeof installWriteLog>>;

beforeAll(async () => {
  fuzz = await startFuzzApp();
  sender = createSender(fuzz);
  writes = await installWriteLog(fuzz.database);
});

afterAll(() => fuzz?.close());

function everyRoute(f: FuzzApp): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 30, arbitrary: segmentRequests(f.ingestKey, f.examples) },
    { weight: 12, arbitrary: shopifyRequests },
    { weight: 10, arbitrary: bounceRequests(f.ingestKey, f.sent.messageId) },
    { weight: 4, arbitrary: relayWebhookRequests(f.sent.messageId) },
    { weight: 10, arbitrary: publicRequests(f.tokens) },
    { weight: 5, arbitrary: staticRequests },
    { weight: 33, arbitrary: trpcRequests(f.examples) },
  );
}

async function checkOne(generated: FuzzRequest, statuses: Map<string, number>, routes: Set<string>): Promise<void> {
  const { req, wrote } = await sender.prepare(generated);
  if (wrote) await writes.take();
  const reply = await sender.send(req);
  const written = await writes.take();
  statuses.set(String(reply.status), (statuses.get(String(reply.status)) ?? 0) + 1);
  routes.add(req.route.replace(/ \((owner|anonymous)\)$/, ''));
  const problems = await problemsOf(fuzz, req, reply);
  if (reply.status >= 400 && written.length) problems.push(`refused (${reply.status}) but wrote to ${written.join(', ')}: ${reply.body.slice(0, 300)}`);
  if (problems.length) throw new Error(`${req.method} ${req.path.slice(0, 300)}\n${problems.join('\n')}`);
}

it('holds for every fuzzed request to every route and procedure', { timeout: 600_000 }, async () => {
  console.log(`fuzz: seed ${SEED}, ${RUNS} requests; replay with FUZZ_SEED=${SEED} pnpm vitest run tests/fuzz/fuzz.test.ts`);
  const started = Date.now();
  const statuses = new Map<string, number>();
  const routes = new Set<string>();
  const holds = (generated: FuzzRequest) => checkOne(generated, statuses, routes);
  await fc.assert(fc.asyncProperty(everyRoute(fuzz), holds), { seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
  // With 100+ procedures, chance alone may skip one: fuzz whatever it skipped, a few times each.
  const skipped = procedures().map((p) => p.path).filter((path) => !routes.has(`trpc ${path}`));
  if (skipped.length) {
    await fc.assert(fc.asyncProperty(trpcRequestsTo(skipped, fuzz.examples), holds), { seed: SEED, numRuns: skipped.length * 8, endOnFailure: true });
  }

  const health = await rawRequest(fuzz.app.url, { route: 'health', method: 'GET', path: '/healthz', headers: {} });
  expect(health.status).toBe(200);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const byStatus = [...statuses].sort().map(([s, n]) => `${s}: ${n}`).join(', ');
  console.log(`fuzz: ${RUNS} requests in ${seconds} s (seed ${SEED}), ${routes.size} routes, ${procedures().length} procedures; statuses ${byStatus}`);
  // Every procedure of the router was called (the router is the list: a new one is fuzzed too).
  expect(procedures().filter((p) => !routes.has(`trpc ${p.path}`)).map((p) => p.path)).toEqual([]);
});
