// The logger every server component is handed. The host process creates one structured
// logger (pino, in apps/server) and passes children of it down; packages see only this
// interface, so they carry no logging dependency and tests can capture or silence lines.
// The message is the same from call to call ("engine sweep failed"), the details go in
// `data`: that is what lets the host fold a line repeated many times into one.

export type LogData = Record<string, unknown>;

export interface Logger {
  debug(message: string, data?: LogData): void;
  info(message: string, data?: LogData): void;
  warn(message: string, data?: LogData): void;
  error(message: string, data?: LogData): void;
  /** A logger whose every line also carries `bindings`, e.g. `{ component: 'engine' }`. */
  child(bindings: LogData): Logger;
}

/** Drops every line: the default where a caller passes no logger (library use, most tests). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
