import { normaliseReferralCode } from '@afterglow/db';
import { describe, expect, it } from 'vitest';
import { addressKey } from './referral-claims';

describe('a referral code as typed', () => {
  it('is read in any case, with spaces or dashes, and only from the safe alphabet', () => {
    expect(normaliseReferralCode(' k7qx-4m2p ')).toBe('K7QX4M2P');
    expect(normaliseReferralCode('K7QX 4M2P')).toBe('K7QX4M2P');
    for (const bad of ['K7QX4M2', 'K7QX4M2PP', 'K7QX4M2O', 'K7QX4M21', 'K7QX4M2I', 'K7QX4M2L', 'K7QX4M20', 12345678, null]) {
      expect(normaliseReferralCode(bad)).toBeNull();
    }
  });
});

describe('a shipping address as a key', () => {
  it('is the same whatever the case, spacing, punctuation or field names', () => {
    const shopify = addressKey({ address1: 'Knez Mihailova 5', zip: '11000', city: 'Beograd', country_code: 'RS' });
    expect(shopify).toBe(addressKey({ street: 'knez  mihailova, 5', postalCode: '11 000', city: 'BEOGRAD', country: 'rs' }));
    expect(shopify).not.toBe(addressKey({ address1: 'Knez Mihailova 7', zip: '11000', city: 'Beograd', country_code: 'RS' }));
  });

  it('is nothing without a street, or without both postcode and city', () => {
    expect(addressKey({ city: 'Beograd', zip: '11000' })).toBeNull();
    expect(addressKey({ address1: 'Knez Mihailova 5' })).toBeNull();
    expect(addressKey('Knez Mihailova 5')).toBeNull();
    expect(addressKey(null)).toBeNull();
  });
});
