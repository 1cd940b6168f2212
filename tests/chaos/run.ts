// `pnpm chaos [--large] [--seed=N]`: the chaos run outside the test suite. Default is the
// CI size (10,000 customers, 5 kills, 1 Postgres restart); --large is 100,000 customers,
// 20 kills and 3 restarts. Exits non-zero when anything was lost or done twice.
import { SMTP_CONNECTIONS } from '@afterglow/email';
import { runChaos } from './scenario';
import { chaosViolations, resendBound } from './verify';

const large = process.argv.includes('--large');
const seedArg = process.argv.find((a) => a.startsWith('--seed='));
const seed = seedArg ? Number(seedArg.slice('--seed='.length)) : Math.floor(Math.random() * 1e9);
const customers = large ? 100_000 : 10_000;
const workers = large ? 3 : 2;

console.log(`Afterglow chaos run: ${customers.toLocaleString()} customers, seed ${seed}`);
const result = await runChaos({
  customers, workers, kills: large ? 20 : 5, restarts: large ? 3 : 1,
  speed: 60, seed, drainTimeoutMs: large ? 900_000 : 180_000, log: (line) => console.log(`  ${line}`),
});
const { runs, email, ledger } = result;
const maxResends = resendBound({ workers, kills: result.kills, restarts: result.restarts, selfExits: result.selfExits.length });
console.log(`
  ${result.kills} worker kills, ${result.restarts} Postgres restarts, work in flight at each: ${result.remainingAtDisruption.join(', ')}
  ${result.selfExits.length} workers died by themselves and were restarted (see above)
  runs:   ${runs.total} (${runs.finished} finished, ${runs.inFutureWait} in a future wait, ${runs.failed} failed, ${runs.stuck} stuck)
  emails: ${email.expected} expected, ${email.outboxSent} sent from the outbox, ${email.received} received by SMTP
          ${email.distinctMessageIds} distinct Message-IDs, ${email.missing} missing, ${email.strangers} unmatched
          ${email.duplicates} resent in the documented window (same Message-ID; at most ${maxResends}: one per SMTP connection
          of each dispatch cut off, ${SMTP_CONNECTIONS} a worker), ${email.recipientsWithSeveralIds} true duplicates
  ledger: ${ledger.rows} rows for ${ledger.distinctRunNodes} (run, node) pairs
  places: ${result.placesOff} of the canvas's counts differ from a count of the runs
  counters: ${result.countersOff} of the emails-sent and points counters differ from the outbox and the ledger
  took ${result.seconds.toFixed(0)} s`);
const violations = chaosViolations(result, customers, maxResends);
if (result.remainingAtDisruption.some((n) => n === 0)) violations.push('a disruption hit an idle system');
for (const v of violations) console.log(`VIOLATION ${v}`);
console.log(violations.length ? 'chaos: FAIL' : 'chaos: effectively-once held');
process.exit(violations.length ? 1 : 0);
