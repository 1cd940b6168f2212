// The logging settings: LOG_LEVEL checked by name, and the output format's rule (JSON for
// production and for log collectors reading a pipe, readable lines on a developer's terminal).
import { expect, it } from 'vitest';
import { readEnv } from './env';

it('reads LOG_LEVEL, info by default, and names the variable when it is wrong', () => {
  expect(readEnv({}, true).logLevel).toBe('info');
  expect(readEnv({ LOG_LEVEL: 'debug' }, true).logLevel).toBe('debug');
  expect(() => readEnv({ LOG_LEVEL: 'verbose' }, true)).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
});

it('writes JSON in production or off a terminal, readable lines on one, unless LOG_FORMAT says', () => {
  expect(readEnv({}, true).logFormat).toBe('pretty');
  expect(readEnv({}, false).logFormat).toBe('json');
  expect(readEnv({ NODE_ENV: 'production' }, true).logFormat).toBe('json');
  expect(readEnv({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
  expect(readEnv({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
  expect(() => readEnv({ LOG_FORMAT: 'xml' }, true)).toThrow(/LOG_FORMAT must be json or pretty/);
});
