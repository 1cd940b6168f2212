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

describe('webhook address guard', () => {
  it('refuses internal addresses in every spelling, naming the address', async () => {
    const corpus: [string, string][] = [
      ['http://127.0.0.1:8080/', '127.0.0.1 is a loopback'],
      ['https://10.0.0.1/', '10.0.0.1 is a private'],
      ['https://172.20.3.4/', '172.20.3.4 is a private'],
      ['https://192.168.1.1/', '192.168.1.1 is a private'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local (cloud metadata)'],
      ['https://100.64.0.1/', '100.64.0.1 is a carrier-grade NAT (shared)'],
      ['https://0.0.0.0/', '0.0.0.0 is a "this network"'],
      ['https://224.0.0.1/', '224.0.0.1 is a multicast'],
      ['https://[::1]/', '::1 is a loopback'],
      ['https://[::]/', ':: is an unspecified'],
      ['https://[fd00::1]/', 'fd00::1 is a unique-local (private)'],
      ['https://[fe80::1]/', 'fe80::1 is a link-local'],
      ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback'],
      ['https://[64:ff9b::a9fe:a9fe]/', '64:ff9b::a9fe:a9fe is a link-local (cloud metadata)'],
      // Encodings the URL parser turns into 127.0.0.1.
      ['http://2130706433/', '127.0.0.1 is a loopback'],
      ['http://0x7f000001/', '127.0.0.1 is a loopback'],
      ['http://0177.0.0.1/', '127.0.0.1 is a loopback'],
      ['http://127.1/', '127.0.0.1 is a loopback'],
    ];
    for (const [url, message] of corpus) expect([url, await refusal(url)]).toEqual([url, `Refused: ${message} address; webhooks go only to public hosts`]);
  });

  it('resolves names and refuses when any address is internal', async () => {
    expect(await refusal('http://localhost:3000/')).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
    const mixed: Resolver = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.1.2.3', family: 4 }];
    expect(await refusal('https://hooks.example.com/', mixed)).toBe('Refused: hooks.example.com resolves to 10.1.2.3, which is a private address; webhooks go only to public hosts');
  });

  it('lets public addresses through, returning the checked one to connect to', async () => {
    const resolve: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];
    expect(await resolveTarget(new URL('https://hooks.example.com/x'), { allowPrivate: false, resolve })).toEqual({ address: '93.184.215.14', family: 4 });
    expect(await resolveTarget(new URL('https://[2606:4700::1111]/'), { allowPrivate: false })).toEqual({ address: '2606:4700::1111', family: 6 });
    expect(blockedReason('8.8.8.8')).toBeNull();
    expect(blockedReason('172.32.0.1')).toBeNull(); // just past 172.16/12
    expect(blockedReason('64:ff9b::808:808')).toBeNull(); // NAT64 of 8.8.8.8
  });

  it('lets private addresses through only when allowed (tests, development)', async () => {
    expect(await resolveTarget(new URL('http://127.0.0.1:9/'), { allowPrivate: true })).toEqual({ address: '127.0.0.1', family: 4 });
  });
});
