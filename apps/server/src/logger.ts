// The process's one logger: pino, writing JSON lines (for log collectors) or readable ones
// (pino-pretty, for a developer's terminal). Packages get it as the small Logger interface
// of @afterglow/node-sdk, never pino itself, and components log through children of it
// ({ component: 'engine' | 'dispatcher' | 'ingest' | 'http' | 'database' }). A line repeated
// more than REPEATS.limit times a minute is folded into a count (log-repeats.ts).
import type { LogData, Logger } from '@afterglow/node-sdk';
import { Writable } from 'node:stream';
import pino from 'pino';
import pretty from 'pino-pretty';
import { createRepeatFilter, type RepeatFilter, type RepeatOptions } from './log-repeats';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

const REPEATS: RepeatOptions = { limit: 10, windowMs: 60_000 };

export interface ProcessLoggerOptions {
  /** Default info. */
  level?: LogLevel;
  /** Default json. */
  format?: LogFormat;
  /** Receives each line (without its newline) instead of stdout: tests capture lines with it. */
  write?: (line: string) => void;
  repeats?: RepeatOptions;
}

export interface ProcessLogger extends Logger {
  /** Writes the counts of folded lines still pending and stops folding. */
  close(): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

function destination(opts: ProcessLoggerOptions): pino.DestinationStream {
  const write = opts.write;
  const out = write
    ? new Writable({ write(chunk, _encoding, done) { write(String(chunk).replace(/\n$/, '')); done(); } })
    : pino.destination({ fd: 1, sync: true });
  if (opts.format !== 'pretty') return out;
  return pretty({
    destination: out, sync: true, colorize: !write && process.stdout.isTTY === true, singleLine: true,
    translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,component', messageFormat: '{if component}{component}: {end}{msg}',
  });
}

function wrap(base: pino.Logger, repeats: RepeatFilter, windowSeconds: number): Logger {
  const scope = JSON.stringify(base.bindings());
  const at = (level: Level) => (message: string, data?: LogData) => {
    if (!base.isLevelEnabled(level)) return;
    const summarise = (count: number) => base[level](
      { repeated: count, windowSeconds }, `${message} (repeated ${count} more times in ${windowSeconds} s)`);
    if (repeats.admit(`${level} ${scope} ${message}`, summarise)) base[level](data ?? {}, message);
  };
  return {
    debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'),
    child: (bindings) => wrap(base.child(bindings), repeats, windowSeconds),
  };
}

export function createProcessLogger(opts: ProcessLoggerOptions = {}): ProcessLogger {
  const base = pino({
    level: opts.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than pino's number: readable by people and collectors alike.
    formatters: { level: (label) => ({ level: label }) },
  }, destination(opts));
  const fold = opts.repeats ?? REPEATS;
  const repeats = createRepeatFilter(fold);
  return { ...wrap(base, repeats, fold.windowMs / 1000), close: () => repeats.close() };
}
