import { describe, expect, it } from 'vitest';
import { errorMessage, isRefused } from './trpc';

const trpcError = (message: string, httpStatus: number) => Object.assign(new Error(message), { data: { httpStatus } });

describe('errors shown to people', () => {
  it('names the issues of refused input instead of printing their JSON', () => {
    const message = JSON.stringify([{ code: 'invalid_format', path: ['id'], message: 'Message ids are UUIDs' }, { path: ['x'], message: 'x is required' }]);
    expect(errorMessage(trpcError(message, 400))).toBe('Message ids are UUIDs; x is required');
  });

  it('keeps other messages as they are', () => {
    expect(errorMessage(trpcError('Journey j1 does not exist', 404))).toBe('Journey j1 does not exist');
    expect(errorMessage(new Error('[not json'))).toBe('[not json');
    expect(errorMessage('Server down')).toBe('Server down');
    expect(errorMessage(null)).toBe('Something went wrong');
  });

  it('does not retry what the server refused, and retries what failed', () => {
    expect(isRefused(trpcError('no', 404))).toBe(true);
    expect(isRefused(trpcError('no', 401))).toBe(true);
    expect(isRefused(trpcError('boom', 500))).toBe(false);
    expect(isRefused(new TypeError('Failed to fetch'))).toBe(false);
  });
});
