// A gateway on a real port speaking Twilio's Messages API as Twilio does: Basic auth with the
// account's SID and token, form bodies, its error documents ({ code, message, status }), the
// idempotency token (a repeated token answers the first message again, sending nothing new),
// and, like Twilio, signed callbacks: each message's status to its StatusCallback, and
// customers' replies to an inbound URL. Answers can be scripted (429, 500) for the next calls.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../twilio/signature.js';

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

export interface ScriptedAnswer { status: number; body?: unknown; headers?: Record<string, string> }

export interface FakeTwilio {
  /** The base URL to put in the service's settings. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Messages it accepted, in order. */
  messages: FakeMessage[];
  /** Every call, answered or not: headers (lower-case) and the form. */
  calls: { path: string; headers: Record<string, string>; form: Record<string, string> }[];
  /** Numbers that replied STOP to Twilio itself: sending to them is refused with 21610. */
  optedOut: Set<string>;
  /** Answers for the next calls, in order, before anything else is looked at. */
  script(...answers: ScriptedAnswer[]): void;
  /** Posts the message's status to its StatusCallback, signed as Twilio signs; the route's status. */
  reportStatus(sid: string, status: string, errorCode?: string): Promise<number>;
  /** Posts a customer's SMS to `url` (the inbound route), signed; the route's answer. */
  receive(url: string, from: string, body: string): Promise<Response>;
  close(): Promise<void>;
}

export const TEST_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;

const twilioError = (status: number, code: number, message: string): ScriptedAnswer =>
  ({ status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } });

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { raw += chunk; });
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(raw))));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, { status, body, headers = {} }: ScriptedAnswer): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

export async function startFakeTwilio(opts: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? TEST_ACCOUNT_SID;
  const authToken = opts.authToken ?? 'test-auth-token';
  const scripted: ScriptedAnswer[] = [];
  const byToken = new Map<string, ScriptedAnswer>();
  const fake = { accountSid, authToken, messages: [] as FakeMessage[], calls: [] as FakeTwilio['calls'], optedOut: new Set<string>() };

  const accept = (form: Record<string, string>): ScriptedAnswer => {
    if (!form.To) return twilioError(400, 21604, 'A \'To\' phone number is required.');
    if (!/^\+[1-9]\d{7,14}$/.test(form.To)) return twilioError(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
    if (!form.Body) return twilioError(400, 21602, 'Message body is required.');
    if (!form.From && !form.MessagingServiceSid) return twilioError(400, 21603, 'A \'From\' phone number is required.');
    if (fake.optedOut.has(form.To)) return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    const message: FakeMessage = {
      sid: `SM${(fake.messages.length + 1).toString(16).padStart(32, '0')}`, to: form.To, from: form.From ?? null,
      messagingServiceSid: form.MessagingServiceSid ?? null, body: form.Body, statusCallback: form.StatusCallback ?? null,
    };
    fake.messages.push(message);
    return { status: 201, body: { sid: message.sid, account_sid: accountSid, to: message.to, from: message.from, body: message.body,
      status: 'queued', direction: 'outbound-api', api_version: '2010-04-01', error_code: null, error_message: null } };
  };

  const server = createServer(async (req, res) => {
    const form = await readForm(req);
    const path = req.url ?? '/';
    fake.calls.push({ path, headers: req.headers as Record<string, string>, form });
    if (scripted.length > 0) return answer(res, scripted.shift()!);
    const sid = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path)?.[1];
    if (req.method !== 'POST' || !sid) return answer(res, twilioError(404, 20404, `The requested resource ${path} was not found`));
    if (sid !== accountSid || req.headers.authorization !== `Basic ${btoa(`${accountSid}:${authToken}`)}`) {
      return answer(res, twilioError(401, 20003, 'Authenticate'));
    }
    const token = req.headers['i-twilio-idempotency-token'] as string | undefined;
    const earlier = token ? byToken.get(token) : undefined;
    if (earlier) return answer(res, earlier);
    const result = accept(form);
    if (token && result.status === 201) byToken.set(token, result);
    answer(res, result);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const post = async (target: string, params: Record<string, string>) => fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': await twilioSignature(authToken, target, Object.entries(params)) },
    body: new URLSearchParams(params).toString(),
  });

  return {
    ...fake,
    url,
    script: (...answers) => void scripted.push(...answers),
    async reportStatus(sid, status, errorCode) {
      const message = fake.messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`No message ${sid} with a StatusCallback`);
      const response = await post(message.statusCallback, {
        AccountSid: accountSid, ApiVersion: '2010-04-01', From: message.from ?? '', To: message.to,
        MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, ...(errorCode ? { ErrorCode: errorCode } : {}),
      });
      await response.arrayBuffer();
      return response.status;
    },
    receive: (target, from, body) => post(target, {
      AccountSid: accountSid, ApiVersion: '2010-04-01', MessageSid: `SM${'f'.repeat(32)}`, From: from, To: '+38111000000', Body: body, NumMedia: '0',
    }),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
