// Twilio signs each callback: X-Twilio-Signature is the base64 HMAC-SHA1, keyed with the
// account's Auth Token, of the URL Twilio called followed by every POST parameter's name and
// value, sorted by name (https://www.twilio.com/docs/usage/security). Web Crypto only, so the
// plugin stays free of Node built-ins; verify() compares in constant time.

const encoder = new TextEncoder();

/** What Twilio signs: the URL, then name + value of each parameter in name order. */
export function signedText(url: string, params: Iterable<[string, string]>): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return url + sorted.map(([name, value]) => name + value).join('');
}

function hmacKey(authToken: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, [usage]);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The signature Twilio sends for these parameters posted to `url`. */
export async function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign('HMAC', await hmacKey(authToken, 'sign'), encoder.encode(signedText(url, params)));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/** True when `signature` (the header's value) is Twilio's for this request; false when it is missing or wrong. */
export async function verifyTwilioSignature(
  authToken: string, signature: string | undefined, url: string, params: Iterable<[string, string]>,
): Promise<boolean> {
  const given = signature ? fromBase64(signature.trim()) : null;
  if (!given || given.length !== 20) return false;
  return globalThis.crypto.subtle.verify('HMAC', await hmacKey(authToken, 'verify'), given, encoder.encode(signedText(url, params)));
}
