// Phone numbers as gateways want them: E.164, a + and 8 to 15 digits (+381601234567). Shops
// store what customers typed: "+381 60 123-4567", "00381601234567", "+381 (0)60 1234567", or a
// local "060 123 4567", which needs the shop's country code (the node's setting) to be sent.
// A local number starts with the country's trunk prefix: 0 almost everywhere, 8 in Russia.

const E164 = /^\+[1-9]\d{7,14}$/;
/** Trunk prefixes other than 0, by country calling code. */
const TRUNK_PREFIX: Record<string, string> = { '7': '8' };
/** Separators people write between digit groups. */
const SEPARATORS = /[\s\-./()\u00a0]/g;

/**
 * The number in E.164, or null when it is not a phone number. `countryCode` (digits, e.g. '381')
 * completes a local number written with its trunk prefix (060..., 8912...); without it a local
 * number is null. A number (not text) is read as international digits: JSON keeps no leading 0 or +.
 */
export function toE164(raw: unknown, countryCode = ''): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw).trim().replace(/\(0\)/g, '').replace(SEPARATORS, '');
  const trunk = TRUNK_PREFIX[countryCode] ?? '0';
  let e164 = text;
  if (text.startsWith('00')) e164 = `+${text.slice(2)}`;
  else if (countryCode && /^\d+$/.test(text) && text.startsWith(trunk) && text[trunk.length] !== '0') e164 = `+${countryCode}${text.slice(trunk.length)}`;
  else if (typeof raw === 'number') e164 = `+${text}`;
  return E164.test(e164) ? e164 : null;
}

/**
 * How one number may be stored in a customer's attributes, for finding the customer who
 * texted from it (`From` arrives in E.164): as is, without +, with 00.
 */
export function storedForms(e164: string): string[] {
  const digits = e164.slice(1);
  return [e164, digits, `00${digits}`];
}
