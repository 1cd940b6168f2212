// Where an outbound call (a Call webhook step, a service's delivery) may go. A journey's URL is typed by a marketer, and the worker that calls it
// sits inside the shop's network: without this guard a step could read a cloud metadata
// service (169.254.169.254), an admin port on localhost, or the database host. Only global
// unicast addresses pass (ipaddr.js classifies them; IPv6 must also lie in 2000::/3). IPv6
// forms that carry an IPv4 address (mapped, NAT64, IPv4-compatible, 6to4, Teredo) are judged
// by that IPv4 address as well: mapped and NAT64 reach it, so it alone decides; the others are
// refused whatever they carry. Every address the name resolves to is checked (a record set
// mixing public and private addresses is refused), and the request then connects to the
// checked address itself (the guarded fetch pins it), so a DNS answer that changes between check and
// connect (rebinding) cannot slip through.
import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

export interface ResolvedTarget { address: string; family: 4 | 6 }

export type Resolver = (host: string) => Promise<ResolvedTarget[]>;

/**
 * The URL's host names a private, internal or special address: never retried. Named, so a
 * service's deliver() (which has no access to this class) recognises it by `err.name`.
 */
export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

/** Words for each ipaddr.js range that is not global unicast. */
const V4_WORDS: Record<string, string> = {
  unspecified: '"this network"', broadcast: 'broadcast', multicast: 'multicast', linkLocal: 'link-local (cloud metadata)',
  loopback: 'loopback', carrierGradeNat: 'carrier-grade NAT (shared)', private: 'private', as112: 'AS112 (DNS sink)', amt: 'AMT relay',
};
const V6_WORDS: Record<string, string> = {
  unspecified: 'unspecified', linkLocal: 'link-local', multicast: 'multicast', loopback: 'loopback',
  uniqueLocal: 'unique-local (private)', deprecatedSiteLocal: 'site-local (deprecated)', discard: 'discard-only',
  rfc6145: 'IPv4-translated', rfc6052: 'local-use NAT64', '6to4': '6to4 tunnel', teredo: 'Teredo tunnel',
  benchmarking: 'benchmarking', amt: 'AMT relay', as112v6: 'AS112 (DNS sink)', deprecatedOrchid: 'ORCHID (deprecated)',
  orchid2: 'ORCHIDv2', droneRemoteIdProtocolEntityTags: 'drone remote ID', segmentRouting: 'segment-routing (SRv6)',
};
// ipaddr.js calls all of these 'reserved'; the message says which.
const RESERVED_WORDS = {
  documentation: [ipaddr.parseCIDR('192.0.2.0/24'), ipaddr.parseCIDR('198.51.100.0/24'), ipaddr.parseCIDR('203.0.113.0/24'),
    ipaddr.parseCIDR('2001:db8::/32'), ipaddr.parseCIDR('3fff::/20')],
  'IETF protocol': [ipaddr.parseCIDR('192.0.0.0/24'), ipaddr.parseCIDR('2001::/23')],
  benchmarking: [ipaddr.parseCIDR('198.18.0.0/15')],
  '6to4 relay': [ipaddr.parseCIDR('192.88.99.0/24')],
};

const cidr6 = (text: string) => ipaddr.IPv6.parseCIDR(text);
const GLOBAL_UNICAST = cidr6('2000::/3');
const NAT64 = cidr6('64:ff9b::/96');
const COMPATIBLE = cidr6('::/96');
const SIX_TO_FOUR = cidr6('2002::/16');
const TEREDO = cidr6('2001::/32');

const v4Of = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);

/** The IPv4 address an IPv6 one carries, and whether a connection reaches that address itself. */
function embeddedIPv4(ip: ipaddr.IPv6): { v4: ipaddr.IPv4; reaches: boolean; form: string } | null {
  const p = ip.parts;
  if (ip.isIPv4MappedAddress()) return { v4: v4Of(p[6], p[7]), reaches: true, form: 'IPv4-mapped' };
  if (ip.match(NAT64)) return { v4: v4Of(p[6], p[7]), reaches: true, form: 'NAT64' };
  if (ip.match(SIX_TO_FOUR)) return { v4: v4Of(p[1], p[2]), reaches: false, form: '6to4 tunnel' };
  // Teredo: the client's address, bit-inverted, in the last 32 bits.
  if (ip.match(TEREDO)) return { v4: v4Of(~p[6] & 0xffff, ~p[7] & 0xffff), reaches: false, form: 'Teredo tunnel' };
  if (ip.match(COMPATIBLE) && (p[6] > 0 || p[7] > 1)) return { v4: v4Of(p[6], p[7]), reaches: false, form: 'IPv4-compatible (deprecated)' };
  return null;
}

function v4Reason(ip: ipaddr.IPv4): string | null {
  const range: string = ip.range();
  if (range === 'unicast') return null;
  return range === 'reserved' ? ipaddr.subnetMatch(ip, RESERVED_WORDS, 'reserved') : V4_WORDS[range] ?? range;
}

function v6Reason(ip: ipaddr.IPv6): string | null {
  const range: string = ip.range();
  if (range === 'reserved') return ipaddr.subnetMatch(ip, RESERVED_WORDS, 'reserved');
  if (range !== 'unicast') return V6_WORDS[range] ?? range;
  return ip.match(GLOBAL_UNICAST) ? null : 'reserved (not global unicast)';
}

/**
 * Parses an address as the resolver or the URL parser gives it. IPv6 goes through the URL
 * parser first: its canonical form has no dotted tail, which ipaddr.js would read as mapped
 * even in ::127.0.0.1 (IPv4-compatible). A zone id (fe80::1%eth0) does not change the class.
 */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) === 4) return ipaddr.IPv4.parse(bare);
  if (isIP(bare) === 6) return ipaddr.IPv6.parse(new URL(`http://[${bare}]/`).hostname.slice(1, -1));
  throw new Error(`${address} is not an IP address`);
}

export interface Verdict {
  /** 'loopback', 'private', ...: what kind of address it is. */
  reason: string;
  /** The IPv4 address an IPv6 one carries, when that address is what the reason is about. */
  carrying?: string;
}

/** Why the address must not be called, or null for a global unicast one. */
export function addressVerdict(address: string): Verdict | null {
  const ip = parseAddress(address);
  if (ip.kind() === 'ipv4') {
    const reason = v4Reason(ip as ipaddr.IPv4);
    return reason ? { reason } : null;
  }
  const inner = embeddedIPv4(ip as ipaddr.IPv6);
  if (!inner) {
    const reason = v6Reason(ip as ipaddr.IPv6);
    return reason ? { reason } : null;
  }
  const reason = v4Reason(inner.v4);
  if (reason) return { reason, carrying: inner.v4.toString() };
  return inner.reaches ? null : { reason: inner.form };
}

/** Why the address must not be called ('loopback', 'private', ...), or null for a public one. */
export function blockedReason(address: string): string | null {
  return addressVerdict(address)?.reason ?? null;
}

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * The address to connect to for `url`, after checking every address its host has.
 * `allowPrivate` (tests, development receivers) lets private addresses through; `callers` names
 * who is refused in the message (default 'webhooks').
 */
export async function resolveTarget(url: URL, opts: { allowPrivate: boolean; resolve?: Resolver; callers?: string }): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses: ResolvedTarget[] = literal ? [{ address: host, family: literal === 6 ? 6 : 4 }] : await (opts.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const verdict = addressVerdict(address);
      if (verdict) {
        const shown = `${address}${verdict.carrying ? ` (carrying ${verdict.carrying})` : ''}`;
        const named = literal ? shown : `${host} resolves to ${shown}, which`;
        const article = /^(?:[aeio]|un(?!i))/i.test(verdict.reason) ? 'an' : 'a';
        throw new TargetRefused(`Refused: ${named} is ${article} ${verdict.reason} address; ${opts.callers ?? 'webhooks'} go only to public hosts`);
      }
    }
  }
  return addresses[0];
}

/** A `lookup` for http(s).request that answers every name lookup with the checked address. */
export function pinnedLookup({ address, family }: ResolvedTarget): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
