// Where a webhook may go. A journey's URL is typed by a marketer, and the worker that calls it
// sits inside the shop's network: without this guard a step could read a cloud metadata
// service (169.254.169.254), an admin port on localhost, or the database host. Every address
// the name resolves to is checked (a record set mixing public and private addresses is
// refused), and the request then connects to the checked address itself (send.ts pins it),
// so a DNS answer that changes between check and connect (rebinding) cannot slip through.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedTarget { address: string; family: 4 | 6 }

export type Resolver = (host: string) => Promise<ResolvedTarget[]>;

/** The URL's host names a private, internal or special address: never retried. */
export class TargetRefused extends Error {}

const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', '"this network"'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT (shared)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'unique-local (private)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  // Tunnels that carry an IPv4 address inside (6to4, Teredo): where they lead cannot be vetted here.
  ['2002::', 16, 'ipv6', '6to4 tunnel'],
  ['2001::', 32, 'ipv6', 'Teredo tunnel'],
];

const lists = RANGES.map(([net, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, reason };
});

/** NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits: that address decides. */
function nat64Inner(address: string): string | null {
  if (!/^64:ff9b::/i.test(address)) return null;
  const tail = address.slice('64:ff9b::'.length);
  if (isIP(tail) === 4) return tail;
  const groups = tail.split(':').filter(Boolean).map((g) => parseInt(g, 16));
  if (groups.length > 2 || groups.some((g) => !(g >= 0 && g <= 0xffff))) return null;
  const [hi, lo] = groups.length === 2 ? groups : [0, groups[0] ?? 0];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Why the address must not be called ('loopback', 'private', ...), or null for a public one. */
export function blockedReason(address: string): string | null {
  const inner = nat64Inner(address);
  if (inner) return blockedReason(inner);
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  // BlockList matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 ranges too.
  return lists.find((l) => l.list.check(address, type))?.reason ?? null;
}

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * The address to connect to for `url`, after checking every address its host has.
 * `allowPrivate` (tests, development receivers) lets private addresses through.
 */
export async function resolveTarget(url: URL, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses: ResolvedTarget[] = literal ? [{ address: host, family: literal === 6 ? 6 : 4 }] : await (opts.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason) {
        const named = literal ? `${address}` : `${host} resolves to ${address}, which`;
        const article = /^(?:[aeio]|un(?!i))/i.test(reason) ? 'an' : 'a';
        throw new TargetRefused(`Refused: ${named} is ${article} ${reason} address; webhooks go only to public hosts`);
      }
    }
  }
  return addresses[0];
}
