// An outbox dispatcher in a process of its own, for tests that SIGKILL it mid-batch: delivers
// the due emails of DATABASE_URL to SMTP_URL (at DISPATCH_NOW, in batches as the engine
// sends them) until nothing is due, then exits.
import { openDatabase } from '@afterglow/db';
import { createMailer, dispatchDueEmails } from '@afterglow/email';
import { z } from 'zod';
import { testSecrets } from './secrets';

const env = z.object({
  DATABASE_URL: z.string().url(),
  SMTP_URL: z.string().url(),
  DISPATCH_NOW: z.coerce.date(),
}).parse(process.env);

const database = openDatabase(env.DATABASE_URL, { max: 2, secrets: testSecrets() });
const mailer = createMailer({ smtpUrl: env.SMTP_URL });
for (;;) {
  const r = await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer, now: env.DISPATCH_NOW, batchSize: 50 });
  if (r.sent + r.retried + r.failed + r.suppressed === 0) break;
}
mailer.close();
await database.close();
