// Renders untrusted templates (the editor's drafts, templates being saved or published)
// off the event loop: in a pool of worker threads, each task with a hard time limit and
// each thread with a heap limit. A template over either is stopped, its thread replaced,
// and the caller gets a TemplateLimitError naming the problem. Liquid's own limits (see
// liquid.ts) still apply inside; the engine's sends, of templates already checked here,
// render in-process as before.
import os from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { TemplateIssue } from '../check';
import type { MergeData } from '../merge-data';
import type { PreviewRequest, PreviewResult, TemplateField } from '../preview';
import type { SandboxJob, SandboxTask } from './task';

export type TemplateLimit = 'time' | 'memory' | 'busy';

/** A template stopped for taking too long or too much memory, or a pool too busy to take it. */
export class TemplateLimitError extends Error {
  constructor(readonly limit: TemplateLimit, message: string, readonly field: TemplateField | null) {
    super(message);
    this.name = 'TemplateLimitError';
  }
}

export interface TemplateSandboxOptions {
  /** Wall time one task may run on its thread. Default 2,000 ms. */
  timeLimitMs?: number;
  /** Heap of each worker thread (V8 old generation). Default 256 MB. */
  memoryLimitMb?: number;
  /** Worker threads. Default: the cores less one, 1 to 4, so the event loop keeps a core. */
  threads?: number;
  /** Tasks that may wait for a thread; more are refused as busy. Default 16. */
  maxQueue?: number;
  log?: (line: string) => void;
}

export interface TemplateSandbox {
  /** Every problem of a template, as checkEmailTemplate finds them. */
  check(content: { subject: string; body: string }): Promise<TemplateIssue[]>;
  /** The template checked and rendered with one customer's data. */
  preview(content: PreviewRequest, data: MergeData): Promise<PreviewResult>;
  close(): Promise<void>;
}

const fieldName = (field: TemplateField) => (field === 'subject' ? 'subject' : 'email body');

export function createTemplateSandbox(opts: TemplateSandboxOptions = {}): TemplateSandbox {
  const timeLimitMs = opts.timeLimitMs ?? 2_000;
  const memoryLimitMb = opts.memoryLimitMb ?? 256;
  const threads = opts.threads ?? Math.max(1, Math.min(4, os.availableParallelism() - 1));
  // Started on first use: a process that never renders a draft never pays for a thread.
  let pool: Piscina<SandboxTask, unknown> | null = null;
  const started = () => {
    if (pool) return pool;
    pool = new Piscina<SandboxTask, unknown>({
      filename: new URL('./worker.mjs', import.meta.url).href,
      minThreads: 1, maxThreads: threads, idleTimeout: 60_000,
      // No inherited --import or --max-semi-space-size: worker.mjs sets up what it needs.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 32 },
      // Where the OS allows it, a busy sandbox yields the CPU to the event loop and the engine.
      niceIncrement: 10,
    });
    pool.on('error', (err: unknown) => opts.log?.(`template sandbox: ${String(err)}`));
    return pool;
  };

  // Counted here: Piscina's own maxQueue does not apply to tasks that carry an AbortSignal.
  const capacity = threads + (opts.maxQueue ?? 16);
  let inFlight = 0;

  async function run<T>(job: SandboxJob): Promise<T> {
    if (inFlight >= capacity) throw new TemplateLimitError('busy', 'Too many templates are being rendered at once; try again in a few seconds', null);
    inFlight++;
    const progress = new MessageChannel();
    const stop = new AbortController();
    let field: TemplateField | null = null;
    let timer: NodeJS.Timeout | undefined;
    progress.port1.on('message', (entered: TemplateField) => {
      field = entered;
      timer ??= setTimeout(() => stop.abort(), timeLimitMs);
    });
    try {
      const task: SandboxTask = { ...job, progress: progress.port2 };
      return await started().run(task, { transferList: [progress.port2], signal: stop.signal }) as T;
    } catch (err) {
      throw limitError(err, stop.signal.aborted, field) ?? err;
    } finally {
      inFlight--;
      clearTimeout(timer);
      progress.port1.close();
    }
  }

  function limitError(err: unknown, timedOut: boolean, field: TemplateField | null): TemplateLimitError | null {
    const part = field ? `The ${fieldName(field)}` : 'The template';
    if (timedOut) {
      const seconds = (timeLimitMs / 1000).toLocaleString('en');
      return new TemplateLimitError('time', `${part} took longer than ${seconds} s to render and was stopped: look for loops over large ranges`, field);
    }
    if ((err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new TemplateLimitError('memory', `${part} needed more than ${memoryLimitMb} MB of memory to render and was stopped`, field);
    }
    return null;
  }

  return {
    check: (content) => run<TemplateIssue[]>({ kind: 'check', content: { subject: content.subject, body: content.body } }),
    preview: ({ subject, preheader, body, format }, data) => run<PreviewResult>({ kind: 'preview', content: { subject, preheader, body, format }, data }),
    close: async () => { await pool?.destroy(); pool = null; },
  };
}
