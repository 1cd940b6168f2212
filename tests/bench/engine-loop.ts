// One engine worker loop in its own process (two cores: separate processes are the honest
// way to measure several loops). Connects, says "ready", sweeps until idle on "go", and
// reports its step count to the parent over IPC.
import { openDatabase } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { testSecrets } from '../support/secrets';

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error('engine-loop runs as a child of the bench with BENCH_DATABASE_URL set');
const database = openDatabase(url, { max: 4, secrets: testSecrets() });
const engine = createEngine({ database, registry: createRegistry(), batchSize: 500, segmentFullCheckEveryMs: 86400e3 });
await database.sql`select 1`;
process.send('ready');
process.once('message', async () => {
  const steps = await engine.advanceUntilIdle();
  process.send!({ steps }, () => void database.close().then(() => process.exit(0)));
});
