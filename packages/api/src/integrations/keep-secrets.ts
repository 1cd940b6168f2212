// What saving a service's settings does with its secrets (fields its settings schema marks
// `widget: 'secret'`), as saving a journey draft does (journeys/keep-secrets.ts): the stored
// secrets are never shown, so the form sends REDACTED, or a field left blank, to mean "keep the
// stored value". A stored secret is kept only while the fields saying where it is sent
// (`secretTarget`, e.g. the gateway's URL: its origin) are unchanged; otherwise it must be typed
// again, and the save is refused naming the field. A value typed in is taken as it is.
import { SecretKeyUnknown, type SecretBox } from '@afterglow/db';
import { counterpartOf, sameSecretTargets, secretFieldsOf, type ConfigPath, type SecretPattern, type WithSchema } from '@afterglow/journey-core';
import { text } from '../i18n/catalogue';
import { DomainError } from '../journeys/errors';
import { REDACTED } from '../journeys/redact';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Like mapConfigSecrets, but blank values are visited too (a blank secret field means "keep"). */
function mapSlot(value: unknown, pattern: SecretPattern, i: number, path: ConfigPath, fn: (value: string, path: ConfigPath) => string): unknown {
  if (i === pattern.length) return typeof value === 'string' ? fn(value, path) : value;
  const key = pattern[i];
  if (key === '*') return Array.isArray(value) ? value.map((item, j) => mapSlot(item, pattern, i + 1, [...path, j], fn)) : value;
  if (!isRecord(value) || !Object.hasOwn(value, key)) return value;
  return { ...value, [key]: mapSlot(value[key], pattern, i + 1, [...path, key], fn) };
}

/**
 * The settings sent with every REDACTED or blank secret replaced by the stored one, opened (so the
 * schema checks it as typed); `stored` is the row's settings, sealed. A blank with nothing to keep
 * stays blank, for the schema to judge.
 */
export function withKeptSecrets(def: WithSchema, sent: unknown, stored: unknown, secrets: SecretBox): unknown {
  const sameTargets = stored !== null && sameSecretTargets(def, stored, sent);
  return secretFieldsOf(def).secrets.reduce<unknown>((current, pattern) => mapSlot(current, pattern, 0, [], (value, path) => {
    if (value !== REDACTED && value !== '') return value;
    const field = ['values', ...path].join('.');
    const kept = stored === null ? undefined : counterpartOf(def, stored, sent, path);
    if (typeof kept !== 'string' || kept === '') {
      if (value === '') return value;
      throw new DomainError('INVALID', text('secret.nothingStored', { field }), field);
    }
    if (!sameTargets) throw new DomainError('INVALID', text('secret.addressChanged', { field }), field);
    try {
      return secrets.open(kept);
    } catch (err) {
      if (err instanceof SecretKeyUnknown) throw new DomainError('INVALID', text('secret.unknownKey', { field }), field);
      throw err;
    }
  }), sent);
}
