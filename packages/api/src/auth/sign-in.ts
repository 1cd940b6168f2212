// Checking an email and password, throttled per client address and per account (throttle.ts).
// The password is checked only once both have room, and against a stand-in hash when the
// email is unknown, so a refusal tells nothing about which emails exist: unknown emails are
// throttled alike and take the same time. A correct password made at an older cost is
// rehashed here, the one moment the plain password is at hand.
import type { Database } from '@afterglow/db';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';
import {
  accountKey, addressKey, blockSeconds, clearKey, pruneForgottenKeys, releaseAttempt, reserveAttempt, type ThrottleKey,
} from './throttle';

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'throttled'; by: ThrottleKey['kind']; retryAfterSeconds: number };

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client address (clientAddress()). */
  address: string;
}

type Log = (msg: string, data?: object) => void;

/** Compared against when the email is unknown, so both failures take the same time. */
const unknownUserHash = hashPassword('afterglow-no-such-user');

export async function checkSignIn(database: Database, attempt: SignInAttempt, now: Date, log: Log): Promise<SignInResult> {
  const address = addressKey(attempt.address);
  const account = accountKey(attempt.email);
  const byAddress = await reserveAttempt(database, address, now);
  if (!byAddress.ok) return { ok: false, reason: 'throttled', by: 'address', retryAfterSeconds: byAddress.retryAfterSeconds };
  const byAccount = await reserveAttempt(database, account, now);
  if (!byAccount.ok) {
    // No password was checked: the attempt does not count against the address.
    await releaseAttempt(database, address);
    return { ok: false, reason: 'throttled', by: 'account', retryAfterSeconds: byAccount.retryAfterSeconds };
  }

  const [user] = await database.sql<{ id: string; passwordHash: string }[]>`
    select id, password_hash as "passwordHash" from users where lower(email) = lower(${attempt.email.trim()})`;
  const valid = await verifyPassword(attempt.password, user?.passwordHash ?? (await unknownUserHash));
  if (!user || !valid) {
    // One line when a key becomes blocked, not one per refused attempt: an attack cannot flood the log.
    for (const [k, failures] of [[address, byAddress.failures], [account, byAccount.failures]] as const) {
      const seconds = blockSeconds(failures, k.rule);
      if (seconds > 0) log('sign-in throttled', { [k.kind]: k.key.slice(k.kind.length + 1), failures, blockedForSeconds: seconds });
    }
    await pruneForgottenKeys(database, now);
    return { ok: false, reason: 'wrong-password' };
  }

  await clearKey(database, account);
  await releaseAttempt(database, address);
  if (passwordNeedsRehash(user.passwordHash)) {
    await database.sql`update users set password_hash = ${await hashPassword(attempt.password)}
      where id = ${user.id} and password_hash = ${user.passwordHash}`;
  }
  return { ok: true, userId: user.id };
}
