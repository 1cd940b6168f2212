// Sign-in throttling, shared by every web process through the sign_in_throttle table.
// An attempt is counted BEFORE its password is checked, by one atomic statement that refuses
// a blocked key, so parallel guesses cannot slip past the count; a correct password takes its
// count back. Past a free allowance each failure blocks the key for a delay that doubles, up
// to a cap: guessing slows to a few tries an hour, while an attacker can keep a real user out
// only for the cap at a time. Per address the allowance is larger (an office shares one).
import type { Database } from '@afterglow/db';

export interface ThrottleRule {
  /** Failures allowed without waiting. */
  free: number;
  /** The longest block, however many failures. */
  capSeconds: number;
}

/** Per account (lower-cased email, known or not): 5 free, then 1 s, 2 s, 4 s, … up to 5 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, capSeconds: 300 };
/** Per client address (IPv4, or an IPv6 /64): 50 free, then 1 s, 2 s, 4 s, … up to 15 minutes. */
export const ADDRESS_RULE: ThrottleRule = { free: 50, capSeconds: 900 };
/** A key without a failure for this long starts again from zero. */
export const FORGET_AFTER_MS = 3600e3;
/** Bounds the exponent so the delay stays a finite number in SQL and JS. */
const MAX_DOUBLINGS = 30;

export interface ThrottleKey {
  kind: 'account' | 'address';
  /** 'account:<email>' or 'address:<ip>'. */
  key: string;
  rule: ThrottleRule;
}

export const accountKey = (email: string): ThrottleKey =>
  ({ kind: 'account', key: `account:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE });
export const addressKey = (address: string): ThrottleKey => ({ kind: 'address', key: `address:${address}`, rule: ADDRESS_RULE });

/** How long a key is blocked after its `failures`-th failure. */
export function blockSeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(failures - rule.free, MAX_DOUBLINGS));
}

export type Reservation =
  | { ok: true; failures: number }
  | { ok: false; retryAfterSeconds: number };

/** Counts an attempt against the key, or refuses it while the key is blocked. */
export async function reserveAttempt(database: Database, k: ThrottleKey, now: Date): Promise<Reservation> {
  const { free, capSeconds } = k.rule;
  const [row] = await database.sql<{ failures: number }[]>`
    insert into sign_in_throttle as t (key, failures, last_failure_at) values (${k.key}, 1, ${now})
    on conflict (key) do update set
      failures = case when t.last_failure_at <= ${new Date(now.getTime() - FORGET_AFTER_MS)} then 1 else t.failures + 1 end,
      last_failure_at = ${now}
    where not (t.failures >= ${free} and t.last_failure_at
      + make_interval(secs => least(${capSeconds}, power(2, least(t.failures - ${free}, ${MAX_DOUBLINGS})))) > ${now})
    returning failures`;
  if (row) return { ok: true, failures: row.failures };
  const [blocked] = await database.sql<{ failures: number; lastFailureAt: Date }[]>`
    select failures, last_failure_at as "lastFailureAt" from sign_in_throttle where key = ${k.key}`;
  const until = blocked ? blocked.lastFailureAt.getTime() + blockSeconds(blocked.failures, k.rule) * 1000 : now.getTime();
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Takes back an attempt that turned out not to be a wrong password. */
export async function releaseAttempt(database: Database, k: ThrottleKey): Promise<void> {
  await database.sql`update sign_in_throttle set failures = greatest(failures - 1, 0) where key = ${k.key}`;
}

/** A correct password: the account starts again from zero. */
export async function clearKey(database: Database, k: ThrottleKey): Promise<void> {
  await database.sql`delete from sign_in_throttle where key = ${k.key}`;
}

/** Drops keys forgotten anyway (a quiet hour), so the table holds about an hour of failures. */
export async function pruneForgottenKeys(database: Database, now: Date): Promise<void> {
  await database.sql`delete from sign_in_throttle where last_failure_at <= ${new Date(now.getTime() - FORGET_AFTER_MS)}`;
}
