// Which errors open the breaker: the database unreachable, shutting down or starting up, as
// postgres.js, node-postgres and Node's sockets report it, also wrapped by drizzle or tRPC.
// A bad query, a constraint or our own shutdown is not an outage.
import { expect, it } from 'vitest';
import { isConnectionError } from './availability';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

it.each([
  ['refused', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
  ['postgres.js connect timeout', coded('CONNECT_TIMEOUT', 'write CONNECT_TIMEOUT 10.0.0.5:5432')],
  ['postgres.js closed', coded('CONNECTION_CLOSED')],
  ['reset', coded('ECONNRESET')],
  ['unknown host', coded('ENOTFOUND')],
  ['admin shutdown', coded('57P01', 'terminating connection due to administrator command')],
  ['crash shutdown', coded('57P02')],
  ['starting up', coded('57P03', 'the database system is starting up')],
  ['connection failure', coded('08006')],
  ['node-postgres', new Error('Connection terminated unexpectedly')],
  ['several addresses', new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')],
  ['wrapped by drizzle', new Error('Failed query: select 1', { cause: coded('57P01') })],
  ['wrapped twice', new Error('tRPC', { cause: new Error('Failed query', { cause: coded('ECONNREFUSED') }) })],
])('%s is a connection error', (_name, err) => {
  expect(isConnectionError(err)).toBe(true);
});

it.each([
  ['a unique violation', coded('23505', 'duplicate key value violates unique constraint')],
  ['a syntax error', coded('42601')],
  ['too many connections', coded('53300')],
  ['our own sql.end()', coded('CONNECTION_ENDED')],
  ['a destroyed pool', coded('CONNECTION_DESTROYED')],
  ['a plain error', new Error('boom')],
  ['a string', 'ECONNREFUSED'],
  ['nothing', undefined],
])('%s is not', (_name, err) => {
  expect(isConnectionError(err)).toBe(false);
});
