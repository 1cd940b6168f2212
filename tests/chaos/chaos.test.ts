// Effectively-once under crashes: 10,000 customers walk trigger → wait → condition → email →
// wait → points while worker processes are SIGKILLed 5 times and Postgres is crash-stopped
// and restarted once. Nothing may be lost or done twice, except resends in the documented
// window (a crash between SMTP acceptance and the commit of that email's "sent" mark), which
// must carry the same Message-ID: at most one per SMTP connection of each dispatch a
// disruption cut off. `pnpm chaos --large` runs the 100k version.
import { expect, it } from 'vitest';
import { runChaos } from './scenario';
import { chaosViolations, resendBound } from './verify';

const CUSTOMERS = 10_000;
const WORKERS = 2;

it('10,000 customers through 5 worker SIGKILLs and a Postgres restart: every effect exactly once', async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1e9));
  const lines: string[] = [];
  const result = await runChaos({
    customers: CUSTOMERS, workers: WORKERS, kills: 5, restarts: 1, speed: 60, seed, drainTimeoutMs: 240_000,
    log: (line) => lines.push(line),
  });
  const { email } = result;
  const maxResends = resendBound({ workers: WORKERS, kills: result.kills, restarts: result.restarts, selfExits: result.selfExits.length });
  console.log(`chaos (seed ${seed}, ${result.seconds.toFixed(0)} s): ${email.received} emails received for ${email.expected} sends, ` +
    `${email.duplicates} resent with the same Message-ID in the crash window (at most ${maxResends}); ` +
    `${result.selfExits.length} workers died by themselves\n${lines.join('\n')}`);

  expect(result.kills).toBe(5);
  expect(result.restarts).toBe(1);
  // Every disruption met work in flight, or the run would prove nothing.
  expect(result.remainingAtDisruption.every((n) => n > 0), `work in flight: ${result.remainingAtDisruption}`).toBe(true);
  // Resends only ever repeat a delivered Message-ID, and number at most `maxResends`.
  expect(chaosViolations(result, CUSTOMERS, maxResends)).toEqual([]);
  expect(email.expected).toBe(CUSTOMERS / 2);
}, 600_000);
