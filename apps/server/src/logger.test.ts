// The process logger: JSON lines with the component of the child that wrote them, the level
// filter, and a flood of one line folded into a count at the end of its window.
import { expect, it } from 'vitest';
import { createProcessLogger } from './logger';

function capture(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  let now = 0;
  const logger = createProcessLogger({
    level, write: (line) => lines.push(JSON.parse(line)), repeats: { limit: 3, windowMs: 60_000, now: () => now },
  });
  return { logger, lines, advance: (ms: number) => void (now += ms) };
}

it('writes JSON lines carrying the component and the data, from the level set on', () => {
  const { logger, lines } = capture();
  const engine = logger.child({ component: 'engine' });
  engine.warn('engine sweep failed; the next tick retries', { error: 'boom' });
  engine.debug('emails dispatched', { sent: 3 });
  expect(lines).toEqual([expect.objectContaining({
    level: 'warn', component: 'engine', error: 'boom', msg: 'engine sweep failed; the next tick retries', time: expect.any(String),
  })]);
});

it('folds a line repeated past the limit into one count when its window ends', () => {
  const { logger, lines, advance } = capture();
  const ingest = logger.child({ component: 'ingest' });
  for (let i = 0; i < 50; i++) ingest.error('ingestion failed', { i });
  ingest.error('another message', { i: 0 });
  logger.child({ component: 'http' }).error('ingestion failed', { i: 0 }); // same words, other component
  expect(lines.map((l) => [l.component, l.msg, l.i])).toEqual([
    ['ingest', 'ingestion failed', 0], ['ingest', 'ingestion failed', 1], ['ingest', 'ingestion failed', 2],
    ['ingest', 'another message', 0], ['http', 'ingestion failed', 0],
  ]);
  advance(60_000);
  ingest.error('ingestion failed', { i: 50 }); // a new window: written again, after the count of the last one
  expect(lines.slice(5)).toEqual([
    expect.objectContaining({ level: 'error', component: 'ingest', repeated: 47, windowSeconds: 60, msg: 'ingestion failed (repeated 47 more times in 60 s)' }),
    expect.objectContaining({ component: 'ingest', msg: 'ingestion failed', i: 50 }),
  ]);
  logger.close(); // the open windows: only one went past its limit, and not by much
  expect(lines).toHaveLength(7);
});

it('counts only lines of the levels written, and says what was left out on close', () => {
  const { logger, lines } = capture('info');
  for (let i = 0; i < 10; i++) logger.debug('agenda error', { i });
  for (let i = 0; i < 5; i++) logger.info('unsubscribed', { i });
  logger.close();
  expect(lines.map((l) => l.msg)).toEqual(['unsubscribed', 'unsubscribed', 'unsubscribed', 'unsubscribed (repeated 2 more times in 60 s)']);
});
