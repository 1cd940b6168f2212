// A real SMTP server that keeps only what the chaos checks need (recipient and Message-ID)
// of every message it accepts: a full MIME parse of 100k messages would compete with the
// workers for the CPU.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  messageId: string;
}

export interface ChaosSink {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startChaosSink(): Promise<ChaosSink> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const headers = head.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
        const messageId = /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '';
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, messageId });
        // Accepted only now: from here on the sender may crash before recording the send.
        callback();
      });
    },
  });
  // A SIGKILLed worker resets its SMTP connections: expected here, not a failure of the sink.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
