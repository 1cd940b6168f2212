// A Logger that keeps what it is told (message and fields, whatever the level), for tests that
// assert a log line was written.
import type { Logger } from '@afterglow/node-sdk';

export interface LoggedLine { msg: string; data?: object }

export function capturingLogger(lines: LoggedLine[]): Logger {
  const keep = (msg: string, data?: object) => void lines.push({ msg, data });
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep, child: () => logger };
  return logger;
}
