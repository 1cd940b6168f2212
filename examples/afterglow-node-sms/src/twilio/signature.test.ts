// X-Twilio-Signature, checked against the examples in Twilio's own documentation snippets
// (twilio-samples/api-snippets, security/signature_validation): token 12345, this URL, these params.
import { describe, expect, it } from 'vitest';
import { signedText, twilioSignature, verifyTwilioSignature } from './signature.js';

const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = (caller: string): [string, string][] =>
  Object.entries({ CallSid: 'CA1234567890ABCDE', Caller: caller, Digits: '1234', From: caller, To: '+18005551212' });

describe('Twilio request signatures', () => {
  it('computes Twilio\'s documented signatures', async () => {
    expect(await twilioSignature('12345', url, params('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(await twilioSignature('12345', url, params('+14158675310'))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('signs the URL and the parameters sorted by name, whatever order they were posted in', () => {
    expect(signedText('https://x.test/h', [['To', '+2'], ['Body', 'Hi'], ['From', '+1']])).toBe('https://x.test/hBodyHiFrom+1To+2');
  });

  it('accepts only the right signature for the right token, URL and parameters', async () => {
    const good = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
    expect(await verifyTwilioSignature('12345', good, url, params('+14158675309'))).toBe(true);
    expect(await verifyTwilioSignature('12345', ` ${good} `, url, params('+14158675309'))).toBe(true);
    expect(await verifyTwilioSignature('54321', good, url, params('+14158675309'))).toBe(false);
    expect(await verifyTwilioSignature('12345', good, `${url}&x=1`, params('+14158675309'))).toBe(false);
    expect(await verifyTwilioSignature('12345', good, url, params('+14158675310'))).toBe(false);
    for (const bad of [undefined, '', 'not base64!', 'AAAA', good.slice(0, -2)]) {
      expect(await verifyTwilioSignature('12345', bad, url, params('+14158675309')), String(bad)).toBe(false);
    }
  });
});
