// A refusal the tRPC layer raises itself (sign in first, wrong password, database away), worded
// by a catalogue key so the error formatter can say it in the caller's language; `message` is
// the English, as every log and test reads it.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { say, type Text } from '../i18n/catalogue';

export class Refusal extends TRPCError {
  constructor(code: TRPC_ERROR_CODE_KEY, readonly text: Text, cause?: unknown) {
    super({ code, message: say(text, 'en'), cause });
  }
}
