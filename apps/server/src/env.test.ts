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

it('reads the metrics token and port, naming each when it is wrong', () => {
  expect(readEnv({}, true)).toMatchObject({ metricsToken: undefined, metricsPort: undefined });
  expect(readEnv({ AFTERGLOW_METRICS_TOKEN: 'a-long-metrics-token', AFTERGLOW_METRICS_PORT: '9464' }, true))
    .toMatchObject({ metricsToken: 'a-long-metrics-token', metricsPort: 9464 });
  expect(() => readEnv({ AFTERGLOW_METRICS_TOKEN: 'short' }, true)).toThrow(/AFTERGLOW_METRICS_TOKEN must be at least 16 characters/);
  expect(() => readEnv({ AFTERGLOW_METRICS_PORT: 'ninety' }, true)).toThrow(/AFTERGLOW_METRICS_PORT must be a port number/);
});

it('reads the bounce listener port, off when unset, naming the variable when it is wrong', () => {
  expect(readEnv({}, true).bounceSmtpPort).toBeUndefined();
  expect(readEnv({ BOUNCE_SMTP_PORT: '25', BOUNCE_SMTP_HOST: '0.0.0.0' }, true)).toMatchObject({ bounceSmtpPort: 25, bounceSmtpHost: '0.0.0.0' });
  expect(() => readEnv({ BOUNCE_SMTP_PORT: 'smtp' }, true)).toThrow(/BOUNCE_SMTP_PORT must be a port number/);
});
