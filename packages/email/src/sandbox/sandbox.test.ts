// The sandbox on its own: real worker threads loading the TypeScript sources through
// worker.mjs, a hostile template stopped at the time limit with the field it was in, the
// thread replaced, and the event loop of the caller free all along.
import { afterAll, describe, expect, it } from 'vitest';
import { sampleMergeData } from '../merge-data';
import { createTemplateSandbox, TemplateLimitError } from './sandbox';

const timeLimitMs = 1_000;
const sandbox = createTemplateSandbox({ timeLimitMs, threads: 1 });
afterAll(() => sandbox.close());

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
// Loops over one small array: Liquid's memory limit counts each range made, not each pass.
const spin = '{% assign a = (1..1000) %}{% for i in a %}{% for j in a %}{% for k in a %}{% endfor %}{% endfor %}{% endfor %}';
const good = { subject: 'Hi {{ customer.firstName }}', preheader: '', body: mjml('Thanks, {{ customer.firstName }}') };

async function refusal(call: Promise<unknown>): Promise<TemplateLimitError> {
  const err = await call.then(() => null, (e: unknown) => e);
  if (!(err instanceof TemplateLimitError)) throw new Error(`expected a TemplateLimitError, got ${String(err)}`);
  return err;
}

describe('template sandbox', () => {
  it('checks and previews in a worker thread, as in-process', async () => {
    const result = await sandbox.preview(good, sampleMergeData());
    expect(result).toMatchObject({ ok: true, issues: [], email: { subject: 'Hi Ada' } });
    expect(await sandbox.check({ subject: '{{ customer.nme }}', body: good.body }))
      .toEqual([{ field: 'subject', message: 'line 1: unknown merge field "customer.nme"' }]);
  });

  it('stops a body over the time limit, naming it, while the event loop keeps turning', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const err = await refusal(sandbox.preview({ ...good, body: mjml(spin) }, sampleMergeData()));
    clearInterval(ticker);
    expect(err).toMatchObject({ limit: 'time', field: 'body' });
    expect(err.message).toBe('The email body took longer than 1 s to render and was stopped: look for loops over large ranges');
    // About 100 ticks in a second; rendering in-process would block them all (at most one
    // late tick after the render).
    expect(ticks).toBeGreaterThan(10);
  });

  it('names the subject when the subject is what spins, and recovers with a new thread', async () => {
    const err = await refusal(sandbox.check({ subject: spin, body: good.body }));
    expect(err).toMatchObject({ limit: 'time', field: 'subject' });
    expect(await sandbox.check(good)).toEqual([]);
  });

  it('reports a render that needs more than Liquid allows as an issue, not a crash', async () => {
    const result = await sandbox.preview({ ...good, body: mjml('{% assign a = (1..50000000) %}{{ a | size }}') }, sampleMergeData());
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.message)).toContain('line 1: memory alloc limit exceeded');
  });

  it('refuses an email that renders to more than a megabyte', async () => {
    const result = await sandbox.preview({ ...good, body: mjml(`{% for i in (1..1000) %}${'x'.repeat(1000)}{% endfor %}`) }, sampleMergeData());
    expect(result).toEqual({ ok: false, issues: [{ field: 'body', message: 'The rendered email is 2 MB; keep it under 1 MB (Gmail clips emails over 102 KB)' }] });
  });

  it('refuses work beyond its queue as busy', async () => {
    const small = createTemplateSandbox({ timeLimitMs, threads: 1, maxQueue: 1 });
    try {
      const calls = [1, 2, 3].map(() => small.check(good).then(() => null, (e: unknown) => e));
      const outcomes = await Promise.all(calls);
      expect(outcomes.filter((e) => e instanceof TemplateLimitError && e.limit === 'busy')).toHaveLength(1);
    } finally {
      await small.close();
    }
  });
});
