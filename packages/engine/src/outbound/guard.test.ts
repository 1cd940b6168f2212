import { describe, expect, it } from 'vitest';
import { blockedReason, resolveTarget, TargetRefused, type Resolver } from './guard';

const refusal = async (url: string, resolve?: Resolver) => {
  try {
    await resolveTarget(new URL(url), { allowPrivate: false, resolve });
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(TargetRefused);
    return (err as Error).message;
  }
};
const refused = (what: string) => `Refused: ${what} address; webhooks go only to public hosts`;

describe('webhook address guard', () => {
  it('refuses internal addresses in every spelling, naming the address', async () => {
    // [as typed, what the refusal says]; the URL parser settles the spelling, the guard the class.
    const corpus: [string, string][] = [
      // IPv4, and the encodings the URL parser turns into 127.0.0.1
      ['http://127.0.0.1:8080/', '127.0.0.1 is a loopback'],
      ['http://2130706433/', '127.0.0.1 is a loopback'],
      ['http://0x7f000001/', '127.0.0.1 is a loopback'],
      ['http://0x7F.0.0.1/', '127.0.0.1 is a loopback'],
      ['http://0177.0.0.1/', '127.0.0.1 is a loopback'],
      ['http://0177.0.0.01/', '127.0.0.1 is a loopback'],
      ['http://127.1/', '127.0.0.1 is a loopback'],
      ['http://127.0.1/', '127.0.0.1 is a loopback'],
      ['http://0x7f.1/', '127.0.0.1 is a loopback'],
      ['http://127.000.000.001/', '127.0.0.1 is a loopback'],
      ['http://127.0.0.1./', '127.0.0.1 is a loopback'],
      ['http://%31%32%37.0.0.1/', '127.0.0.1 is a loopback'],
      ['http://127.255.255.254/', '127.255.255.254 is a loopback'],
      ['https://10.0.0.1/', '10.0.0.1 is a private'],
      ['https://012.0.0.1/', '10.0.0.1 is a private'],
      ['https://167772161/', '10.0.0.1 is a private'],
      ['https://172.20.3.4/', '172.20.3.4 is a private'],
      ['https://192.168.1.1/', '192.168.1.1 is a private'],
      ['https://0xc0.0xa8.1.1/', '192.168.1.1 is a private'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local (cloud metadata)'],
      ['http://0xa9fea9fe/', '169.254.169.254 is a link-local (cloud metadata)'],
      ['http://2852039166/', '169.254.169.254 is a link-local (cloud metadata)'],
      ['https://100.64.0.1/', '100.64.0.1 is a carrier-grade NAT (shared)'],
      ['https://0.0.0.0/', '0.0.0.0 is a "this network"'],
      ['https://0/', '0.0.0.0 is a "this network"'],
      ['https://224.0.0.1/', '224.0.0.1 is a multicast'],
      ['https://255.255.255.255/', '255.255.255.255 is a broadcast'],
      ['https://240.0.0.1/', '240.0.0.1 is a reserved'],
      ['https://192.0.0.8/', '192.0.0.8 is an IETF protocol'],
      ['https://192.0.2.10/', '192.0.2.10 is a documentation'],
      ['https://198.18.0.1/', '198.18.0.1 is a benchmarking'],
      ['https://192.88.99.1/', '192.88.99.1 is a 6to4 relay'],
      // IPv6, bracketed, in short, long and upper-case forms
      ['https://[::1]/', '::1 is a loopback'],
      ['https://[0:0:0:0:0:0:0:1]/', '::1 is a loopback'],
      ['https://[::]/', ':: is an unspecified'],
      ['https://[fd00::1]/', 'fd00::1 is a unique-local (private)'],
      ['https://[FC00::1]/', 'fc00::1 is a unique-local (private)'],
      ['https://[fe80::1]/', 'fe80::1 is a link-local'],
      ['https://[fec0::1]/', 'fec0::1 is a site-local (deprecated)'],
      ['https://[ff02::1]/', 'ff02::1 is a multicast'],
      ['https://[100::1]/', '100::1 is a discard-only'],
      ['https://[2001:db8::1]/', '2001:db8::1 is a documentation'],
      ['https://[3fff::1]/', '3fff::1 is a documentation'],
      ['https://[2001:10::1]/', '2001:10::1 is an ORCHID (deprecated)'],
      ['https://[2001:20::1]/', '2001:20::1 is an ORCHIDv2'],
      ['https://[2001:2::1]/', '2001:2::1 is a benchmarking'],
      ['https://[2001:1::1]/', '2001:1::1 is an IETF protocol'],
      ['https://[5f00::1]/', '5f00::1 is a segment-routing (SRv6)'],
      ['https://[4000::1]/', '4000::1 is a reserved (not global unicast)'],
      ['https://[64:ff9b:1::808:808]/', '64:ff9b:1::808:808 is a local-use NAT64'],
      ['https://[::ffff:0:808:808]/', '::ffff:0:808:808 is an IPv4-translated'],
      // IPv6 forms carrying an IPv4 address, in dotted and hex spellings
      ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1 (carrying 127.0.0.1) is a loopback'],
      ['https://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1 (carrying 127.0.0.1) is a loopback'],
      ['https://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe (carrying 169.254.169.254) is a link-local (cloud metadata)'],
      ['https://[::127.0.0.1]/', '::7f00:1 (carrying 127.0.0.1) is a loopback'],
      ['https://[::10.0.0.1]/', '::a00:1 (carrying 10.0.0.1) is a private'],
      ['https://[::8.8.8.8]/', '::808:808 is an IPv4-compatible (deprecated)'],
      ['https://[64:ff9b::a9fe:a9fe]/', '64:ff9b::a9fe:a9fe (carrying 169.254.169.254) is a link-local (cloud metadata)'],
      ['https://[64:ff9b::127.0.0.1]/', '64:ff9b::7f00:1 (carrying 127.0.0.1) is a loopback'],
      ['https://[2002:7f00:1::]/', '2002:7f00:1:: (carrying 127.0.0.1) is a loopback'],
      ['https://[2002:c0a8:101::1]/', '2002:c0a8:101::1 (carrying 192.168.1.1) is a private'],
      ['https://[2002:808:808::1]/', '2002:808:808::1 is a 6to4 tunnel'],
      // Teredo: the client address is stored bit-inverted (80ff:fefe is 127.0.1.1).
      ['https://[2001:0:4136:e378:8000:63bf:80ff:fefe]/', '2001:0:4136:e378:8000:63bf:80ff:fefe (carrying 127.0.1.1) is a loopback'],
      ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', '2001:0:4136:e378:8000:63bf:3fff:fdd2 (carrying 192.0.2.45) is a documentation'],
      ['https://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/', '2001:0:4136:e378:8000:63bf:f7f7:f7f7 is a Teredo tunnel'],
    ];
    for (const [url, message] of corpus) expect([url, await refusal(url)]).toEqual([url, refused(message)]);
  });

  it('checks every address a name resolves to, zone ids and dotted IPv6 included', async () => {
    expect(await refusal('http://localhost:3000/')).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
    const answers = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const corpus: [string[], string][] = [
      [['93.184.215.14', '10.1.2.3'], '10.1.2.3, which is a private'],
      [['fe80::1%eth0'], 'fe80::1%eth0, which is a link-local'],
      [['fe80::a9fe:a9fe%2'], 'fe80::a9fe:a9fe%2, which is a link-local'],
      // A resolver prints IPv4-compatible addresses with a dotted tail: still not mapped.
      [['::127.0.0.1'], '::127.0.0.1 (carrying 127.0.0.1), which is a loopback'],
      [['::8.8.8.8'], '::8.8.8.8, which is an IPv4-compatible (deprecated)'],
      [['::ffff:192.168.0.1'], '::ffff:192.168.0.1 (carrying 192.168.0.1), which is a private'],
    ];
    for (const [addresses, message] of corpus) {
      expect([addresses, await refusal('https://hooks.example.com/', answers(...addresses))])
        .toEqual([addresses, refused(`hooks.example.com resolves to ${message}`)]);
    }
    // A zone id cannot be written in a URL at all: such an address is refused as "not a URL" first.
    expect(URL.canParse('https://[fe80::1%25eth0]/')).toBe(false);
  });

  it('lets global unicast addresses through, returning the checked one to connect to', async () => {
    const resolve: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];
    expect(await resolveTarget(new URL('https://hooks.example.com/x'), { allowPrivate: false, resolve })).toEqual({ address: '93.184.215.14', family: 4 });
    const allowed: [string, string][] = [
      ['https://[2606:4700::1111]/', '2606:4700::1111'],
      ['https://[2606:4700:0:0:0:0:0:1111]/', '2606:4700::1111'],
      ['https://8.8.8.8/', '8.8.8.8'],
      ['https://134744072/', '8.8.8.8'],
      ['https://0x8.0x8.0x8.0x8/', '8.8.8.8'],
      ['https://172.32.0.1/', '172.32.0.1'], // just past 172.16/12
      ['https://100.128.0.1/', '100.128.0.1'], // just past 100.64/10
      ['https://[::ffff:8.8.8.8]/', '::ffff:808:808'], // mapped: reaches 8.8.8.8 itself
      ['https://[64:ff9b::8.8.8.8]/', '64:ff9b::808:808'], // NAT64 of 8.8.8.8
      ['https://[2001:200::1]/', '2001:200::1'], // past the 2001::/23 protocol block
    ];
    for (const [url, address] of allowed) {
      expect([url, await resolveTarget(new URL(url), { allowPrivate: false })]).toEqual([url, { address, family: address.includes(':') ? 6 : 4 }]);
    }
    expect(blockedReason('8.8.8.8')).toBeNull();
    expect(blockedReason('64:ff9b::808:808')).toBeNull();
  });

  it('lets private addresses through only when allowed (tests, development)', async () => {
    expect(await resolveTarget(new URL('http://127.0.0.1:9/'), { allowPrivate: true })).toEqual({ address: '127.0.0.1', family: 4 });
  });
});
