// Effectively-once under crashes: 10,000 customers walk trigger → wait → condition → email →
// wait → points while worker processes are SIGKILLed 5 times and Postgres is crash-stopped
// and restarted once. Nothing may be lost or done twice, except resends in the documented
// window (a crash between SMTP acceptance and the outbox commit), which must carry the
// same Message-ID. `pnpm chaos --large` runs the 100k version.
import { expect, it } from 'vitest';
import { runChaos } from './scenario';
import { chaosViolations } from './verify';

const CUSTOMERS = 10_000;

it('10,000 customers through 5 worker SIGKILLs and a Postgres restart: every effect exactly once', async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1e9));
  const lines: string[] = [];
  const result = await runChaos({
    customers: CUSTOMERS, workers: 2, kills: 5, restarts: 1, speed: 60, seed, drainTimeoutMs: 240_000,
    log: (line) => lines.push(line),
  });
  const { email } = result;
  console.log(`chaos (seed ${seed}, ${result.seconds.toFixed(0)} s): ${email.received} emails received for ${email.expected} sends, ` +
    `${email.duplicates} resent with the same Message-ID in the crash window; ${result.selfExits.length} workers died by themselves\n${lines.join('\n')}`);

  expect(result.kills).toBe(5);
  expect(result.restarts).toBe(1);
  // Every disruption met work in flight, or the run would prove nothing.
  expect(result.remainingAtDisruption.every((n) => n > 0), `work in flight: ${result.remainingAtDisruption}`).toBe(true);
  expect(chaosViolations(result, CUSTOMERS)).toEqual([]);
  expect(email.expected).toBe(CUSTOMERS / 2);
  // Resends only ever repeat a delivered Message-ID (checked above); each crash can repeat at
  // most the dispatch batch (50) in flight in each worker.
  expect(email.duplicates).toBeLessThanOrEqual((result.kills + result.restarts + result.selfExits.length) * 50 * 2);
}, 600_000);
