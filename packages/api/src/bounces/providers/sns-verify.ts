// Amazon SNS message signatures, checked by hand as AWS documents them: the fields of the
// message (a fixed set per type, in order) are joined as "name\nvalue\n" and signed with the
// key of the X.509 certificate at SigningCertURL (SHA1withRSA for SignatureVersion 1,
// SHA256withRSA for 2). The certificate is fetched only over https from an SNS host
// (sns.<region>.amazonaws.com), else anyone could sign with a certificate of their own;
// fetched ones are kept for the process's life. The fetcher is injected so tests sign with a
// test key and serve its certificate.
import { createVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { HttpError } from '../../ingest/http-io';

/** GETs a URL and returns its body; rejects on a non-2xx answer. */
export type SnsFetch = (url: string) => Promise<string>;

export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
}

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const SUBSCRIPTION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

/** The host every SNS certificate and subscription link is on (China regions end in .cn). */
const SNS_HOST = /^sns\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com(?:\.cn)?$/;

/** Whether `url` is an https URL on an SNS host (for the certificate, also a .pem path). */
export function isSnsUrl(url: string, pem = false): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && SNS_HOST.test(parsed.hostname) && !parsed.username && !parsed.password
      && (!pem || parsed.pathname.endsWith('.pem'));
  } catch {
    return false;
  }
}

export function stringToSign(message: SnsMessage): string {
  const fields = message.Type === 'Notification' ? NOTIFICATION_FIELDS : SUBSCRIPTION_FIELDS;
  return fields.filter((f) => message[f] !== undefined).map((f) => `${f}\n${message[f]}\n`).join('');
}

export function createSnsVerifier(fetchText: SnsFetch) {
  const keys = new Map<string, KeyObject>();

  async function keyAt(url: string): Promise<KeyObject> {
    const known = keys.get(url);
    if (known) return known;
    let pem: string;
    try {
      pem = await fetchText(url);
    } catch (err) {
      // SNS retries: a certificate that could not be fetched is not the sender's fault.
      throw new HttpError(502, `The SNS signing certificate could not be fetched from ${url}: ${(err as Error).message}`);
    }
    let key: KeyObject;
    try {
      key = new X509Certificate(pem).publicKey;
    } catch {
      throw new HttpError(400, `SigningCertURL ${url} did not return an X.509 certificate`, [{ path: 'SigningCertURL', message: 'not a certificate' }]);
    }
    if (keys.size > 50) keys.clear();
    keys.set(url, key);
    return key;
  }

  /** Resolves when `message` carries a valid SNS signature; a 4xx naming the field otherwise. */
  return async function verify(message: SnsMessage): Promise<void> {
    const algorithm = message.SignatureVersion === '1' ? 'RSA-SHA1' : message.SignatureVersion === '2' ? 'RSA-SHA256' : null;
    if (!algorithm) throw new HttpError(400, `SignatureVersion ${message.SignatureVersion} is not 1 or 2`, [{ path: 'SignatureVersion', message: 'must be 1 or 2' }]);
    if (!isSnsUrl(message.SigningCertURL, true)) {
      throw new HttpError(401, `SigningCertURL ${message.SigningCertURL} is not an https .pem URL on an sns.<region>.amazonaws.com host`,
        [{ path: 'SigningCertURL', message: 'not an Amazon SNS certificate URL' }]);
    }
    const key = await keyAt(message.SigningCertURL);
    const valid = createVerify(algorithm).update(stringToSign(message), 'utf8').verify(key, message.Signature, 'base64');
    if (!valid) throw new HttpError(401, `Invalid SNS signature on message ${message.MessageId}: it was not signed by the certificate at SigningCertURL`, [{ path: 'Signature', message: 'does not verify' }]);
  };
}

/** The fetcher used in production: https only, no redirects, a 10-second limit. */
export const fetchOverHttps: SnsFetch = async (url) => {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
};
