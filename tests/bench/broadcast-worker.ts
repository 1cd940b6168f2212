// One Afterglow worker process for the broadcast figure: the engine as `pnpm start --role=worker`
// runs it (Agenda tick, wake-ups, the email drain), with a mailer pointed at the bench's sink.
import { openDatabase } from '@afterglow/db';
import { createMailer } from '@afterglow/email';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { testSecrets } from '../support/secrets';

const url = process.env.BENCH_DATABASE_URL;
const smtpUrl = process.env.BENCH_SMTP_URL;
if (!url || !smtpUrl || !process.send) throw new Error('broadcast-worker runs as a child of the bench with BENCH_DATABASE_URL and BENCH_SMTP_URL');
const database = openDatabase(url, { max: 12, secrets: testSecrets() });
const mailer = createMailer({ smtpUrl });
const engine = createEngine({ database, registry: createRegistry(), mailer, tickEvery: '1 second', deliverEvery: '1 second', segmentFullCheckEveryMs: 86400e3 });
await engine.start();
process.send('ready');
// Asked to stop: says how much CPU it used (to charge per email), then exits.
process.on('message', () => void engine.stop().then(() => database.close()).then(() => {
  const cpu = process.cpuUsage();
  process.send!({ cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
}));
