// One chaos worker process: the production engine (Agenda tick, LISTEN wake-up, batched
// stepper, outbox dispatcher) on DATABASE_URL, delivering to SMTP_URL. Its clock runs
// CHAOS_SPEED times faster than the wall clock from CHAOS_EPOCH, the same in every process,
// so minute-long journey waits pass in seconds while every worker agrees on the time.
import { openDatabase } from '@afterglow/db';
import { createMailer } from '@afterglow/email';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { createProcessLogger } from '@afterglow/server';
import { z } from 'zod';
import { testSecrets } from '../support/secrets';
import { scaledClock } from './clock';

const env = z.object({
  DATABASE_URL: z.string().url(),
  SMTP_URL: z.string().url(),
  CHAOS_EPOCH: z.coerce.number().int().positive(),
  CHAOS_SPEED: z.coerce.number().positive(),
}).parse(process.env);

const database = openDatabase(env.DATABASE_URL, { max: 4, secrets: testSecrets() });
const mailer = createMailer({ smtpUrl: env.SMTP_URL });
const engine = createEngine({
  database, registry: createRegistry(), mailer, batchSize: 200, tickEvery: '1 second',
  clock: scaledClock(env.CHAOS_EPOCH, env.CHAOS_SPEED),
  // The process logger of production, on stderr: the supervisor keeps its last lines.
  log: createProcessLogger({ write: (line) => process.stderr.write(`${line}\n`) }),
});

process.on('SIGTERM', () => {
  void engine.stop().finally(async () => {
    mailer.close();
    await database.close();
    process.exit(0);
  });
});

await engine.start();
process.stdout.write('ready\n');
