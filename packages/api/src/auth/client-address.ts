// The address a request came from, as sign-in throttling counts it. By default the socket's
// peer: X-Forwarded-For is written by whoever sends the request, so it is believed only for
// the hops the operator declares trusted (AFTERGLOW_TRUSTED_PROXIES), read from the right,
// where each trusted proxy appended the address it saw. IPv6 clients are counted per /64,
// the block one subscriber usually holds, so rotating addresses within it gains nothing.
import ipaddr from 'ipaddr.js';
import type { IncomingMessage } from 'node:http';

/**
 * @param trustedProxies how many reverse proxies stand in front of the app (0: none, the
 * socket peer is the client).
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = ([] as string[]).concat(req.headers['x-forwarded-for'] ?? [])
    .flatMap((h) => h.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  // Nearest first: the peer, then each address a proxy appended, right to left.
  const hops = [peer, ...forwarded.reverse()];
  const chosen = hops[Math.min(trustedProxies, hops.length - 1)];
  return normalise(chosen) ?? normalise(peer) ?? 'unknown';
}

function normalise(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  const ip = ipaddr.process(address); // an IPv4-mapped IPv6 address becomes the IPv4 one
  if (ip.kind() === 'ipv4') return ip.toString();
  const prefix = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...prefix, 0, 0, 0, 0]).toString()}/64`;
}
