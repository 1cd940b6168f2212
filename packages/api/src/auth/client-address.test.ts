import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (peer: string | undefined, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as Parameters<typeof clientAddress>[0];

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), 0)).toBe('203.0.113.7');
  });

  it('is read from the right of X-Forwarded-For, one entry per trusted proxy', () => {
    // The client wrote the first entry itself; the one proxy in front appended the real address.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.1'), 1)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', ['1.2.3.4', '198.51.100.1, 10.0.0.9']), 2)).toBe('198.51.100.1');
    // Fewer entries than proxies: the farthest address known.
    expect(clientAddress(request('10.0.0.2', '198.51.100.1'), 3)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('falls back to the peer when the chosen entry is no address', () => {
    expect(clientAddress(request('10.0.0.2', 'not-an-ip'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request(undefined, 'not-an-ip'), 1)).toBe('unknown');
  });

  it('counts IPv6 per /64 and an IPv4-mapped address as IPv4', () => {
    expect(clientAddress(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:db8:1:2::1'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('fe80::1%eth0'), 0)).toBe('fe80::/64');
    expect(clientAddress(request('::ffff:203.0.113.7'), 0)).toBe('203.0.113.7');
  });
});
