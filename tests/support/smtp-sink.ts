// A real SMTP server in-process for tests: keeps every message it accepts, parsed (the
// journey-test harness's server, keeping the raw parsed mails).
import { listenSmtp } from '@afterglow/testing';
import type { ParsedMail } from 'mailparser';

export interface TestSmtpSink {
  url: string;
  messages: ParsedMail[];
  close(): Promise<void>;
}

export async function startTestSmtpSink(): Promise<TestSmtpSink> {
  const messages: ParsedMail[] = [];
  const server = await listenSmtp((mail) => messages.push(mail));
  return { ...server, messages };
}
